import { REFERENCE_DEFAULTS } from '../../../../shared/vocabulary';
import { Disclosure } from '../../components/Disclosure';
import { TextField } from '../../components/fields/TextField';
import type { FieldErrors } from '../../lib/drafts';
import { StepsGuidanceFields } from '../generate/StepsGuidanceFields';
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
        <StepsGuidanceFields
          className="reference-settings__pair"
          steps={draft.steps}
          guidance={draft.guidance}
          errors={errors}
          onSteps={(steps) => set('steps', steps)}
          onGuidance={(guidance) => set('guidance', guidance)}
          stepsHint={`Usually ${REFERENCE_DEFAULTS.steps}.`}
          guidanceHint={`Kontext follows the instruction best near ${REFERENCE_DEFAULTS.guidance}.`}
        />
        {!defaults && (
          <button type="button" className="btn btn--ghost btn--small reference-settings__reset" onClick={() => onChange(withDefaultSettings(draft))}>
            Back to {KONTEXT} defaults
          </button>
        )}
      </div>
    </Disclosure>
  );
};
