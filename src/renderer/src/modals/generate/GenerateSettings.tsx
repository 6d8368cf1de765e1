import { useId } from 'react';
import { GENERATION_LIMITS, LIMITS } from '../../../../shared/vocabulary';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/fields/Field';
import { NumberField } from '../../components/fields/NumberField';
import { TextField } from '../../components/fields/TextField';
import type { FieldErrors } from '../../lib/drafts';
import { MODEL_OPTIONS, OFFLINE_ENGINE, countOf, modelOption, withModel, type GenerateDraft } from './generateDraft';
import { NoTokenNote } from './NoTokenNote';
import { SeedField } from './SeedField';
import { SizePresets } from './SizePresets';
import { StepsGuidanceFields } from './StepsGuidanceFields';

interface GenerateSettingsProps {
  draft: GenerateDraft;
  onChange(draft: GenerateDraft): void;
  errors: FieldErrors;
  /** No Hugging Face token is set: said under the model, with the way to add one. */
  noToken?: boolean;
}

/** Model, size, how many, seed, and the advanced knobs: the column beside the recipe. */
export const GenerateSettings = ({ draft, onChange, errors, noToken = false }: GenerateSettingsProps) => {
  const modelId = useId();
  const set = <K extends keyof GenerateDraft>(key: K, value: GenerateDraft[K]) => onChange({ ...draft, [key]: value });
  const model = modelOption(draft.model);
  // A model of the user's own (from Settings) is offered beside the usual ones.
  const options = MODEL_OPTIONS.some((option) => option.id === model.id) ? MODEL_OPTIONS : [...MODEL_OPTIONS, model];
  const several = countOf(draft) > 1;
  const schnellOffAdvice = model.steps < 10 && Number(draft.steps) > 8;
  return (
    <div className="generate-settings">
      <Field id={modelId} label="Model" hint={model.hint} error={errors.model}>
        <select id={modelId} className="input select" value={draft.model} onChange={(event) => onChange(withModel(draft, options.find((option) => option.id === event.target.value)?.id ?? draft.model))}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      {noToken && <NoTokenNote offline={draft.model === OFFLINE_ENGINE} />}
      <SizePresets value={draft.size} onChange={(size) => set('size', size)} error={errors.size} />
      <div className="generate-settings__pair">
        <NumberField label="How many" value={draft.count} onChange={(count) => set('count', count)} min={1} max={GENERATION_LIMITS.count} error={errors.count} />
        <TextField
          label="Name"
          optional
          value={draft.name}
          onChange={(name) => set('name', name)}
          maxLength={LIMITS.avatarName}
          error={errors.name}
          placeholder="From the persona"
        />
      </div>
      {several && !errors.name && draft.name.trim() !== '' && (
        <p className="field__hint generate-settings__numbering">
          Named “{draft.name.trim()} 1”, “{draft.name.trim()} 2”…
        </p>
      )}
      <SeedField value={draft.seed} onChange={(seed) => set('seed', seed)} several={several} error={errors.seed} />
      <Disclosure title="Advanced" summary={`${draft.steps || '–'} steps · guidance ${draft.guidance || '–'}`} forceOpen={Boolean(errors.steps || errors.guidance)}>
        <StepsGuidanceFields
          className="generate-settings__pair"
          steps={draft.steps}
          guidance={draft.guidance}
          errors={errors}
          onSteps={(steps) => set('steps', steps)}
          onGuidance={(guidance) => set('guidance', guidance)}
          stepsHint={schnellOffAdvice ? 'Schnell wants about 4.' : `Usually ${model.steps}.`}
          guidanceHint="Prompt adherence; usually 3.5."
        />
      </Disclosure>
    </div>
  );
};
