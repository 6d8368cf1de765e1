import { GENERATION_LIMITS, REFERENCE_DEFAULTS } from '../../../../shared/vocabulary';
import { Disclosure } from '../../components/Disclosure';
import { NumberField } from '../../components/fields/NumberField';
import { TextField } from '../../components/fields/TextField';
import type { FieldErrors } from '../../lib/drafts';
import { isDefaultSettings, modelLabel, withDefaultSettings, type ReferenceDraft } from './referenceDraft';

interface ReferenceSettingsProps {
  draft: ReferenceDraft;
  onChange(draft: ReferenceDraft): void;
  errors: FieldErrors;
}

const KONTEXT = modelLabel(REFERENCE_DEFAULTS.model);

/** Model, steps and guidance: folded away, since Kontext's own defaults are what almost everyone wants. */
export const ReferenceSettings = ({ draft, onChange, errors }: ReferenceSettingsProps) => {
  const set = <K extends keyof ReferenceDraft>(key: K, value: ReferenceDraft[K]) => onChange({ ...draft, [key]: value });
  const defaults = isDefaultSettings(draft);
  return (
    <Disclosure
      title="Settings"
      summary={`${modelLabel(draft.model) || '–'} · ${draft.steps || '–'} steps · guidance ${draft.guidance || '–'}`}
      defaultOpen={!defaults}
      forceOpen={Boolean(errors.model || errors.steps || errors.guidance)}
    >
      <div className="reference-settings">
        <TextField
          label="Model"
          value={draft.model}
          onChange={(model) => set('model', model)}
          maxLength={200}
          error={errors.model}
          hint={draft.model.trim() === REFERENCE_DEFAULTS.model ? `${KONTEXT}: made for editing a person while keeping the face.` : `A Hugging Face image-to-image model; ${KONTEXT} is the default.`}
        />
        <div className="reference-settings__pair">
          <NumberField
            label="Steps"
            value={draft.steps}
            onChange={(steps) => set('steps', steps)}
            min={1}
            max={GENERATION_LIMITS.stepsMax}
            error={errors.steps}
            hint={`Usually ${REFERENCE_DEFAULTS.steps}.`}
          />
          <NumberField
            label="Guidance"
            value={draft.guidance}
            onChange={(guidance) => set('guidance', guidance)}
            min={0}
            max={GENERATION_LIMITS.guidanceMax}
            step={0.5}
            error={errors.guidance}
            hint={`Kontext follows the instruction best near ${REFERENCE_DEFAULTS.guidance}.`}
          />
        </div>
        {!defaults && (
          <button type="button" className="btn btn--ghost btn--small reference-settings__reset" onClick={() => onChange(withDefaultSettings(draft))}>
            Back to {KONTEXT} defaults
          </button>
        )}
      </div>
    </Disclosure>
  );
};
