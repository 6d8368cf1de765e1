import { useId, useMemo } from 'react';
import { GENERATION_LIMITS, type ProviderKind } from '../../../../shared/vocabulary';
import { FormProblem } from '../../components/FormProblem';
import { Field, describedBy } from '../../components/fields/Field';
import { NumberField } from '../../components/fields/NumberField';
import { TextField } from '../../components/fields/TextField';
import { useAppStore } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { ChoiceCards } from './ChoiceCards';
import { SETTINGS_BOUNDS } from './draftKit';
import { CUSTOM_MODEL, INFERENCE_PROVIDERS, MODEL_CHOICES, PROVIDER_CHOICES, generationDraftOf, generationFieldOf, generationPatchOf, validateGeneration } from './generationDraft';
import { SaveBar, SettingsCard } from './SettingsCard';
import { useSettingsForm } from './useSettingsForm';

const FORM_ID = 'settings-generation-form';

/** How new avatars are made when a request does not say: provider, model, size, steps, and the queue. */
export const GenerationSection = () => {
  const generation = useAppStore((state) => state.settings?.generation ?? null);
  const tokenUnset = useAppStore((state) => state.tokenStatus?.state === 'unset');
  const current = useMemo(() => (generation ? generationDraftOf(generation) : null), [generation]);
  const form = useSettingsForm({
    current,
    validate: validateGeneration,
    patchOf: (draft, edits, base) => ({ generation: generationPatchOf(draft, edits, base) }),
    fieldOf: generationFieldOf,
    formId: FORM_ID,
  });
  const modelId = useId();
  const providersId = useId();
  const { draft, errors } = form;
  if (!draft) return null;
  const model = MODEL_CHOICES.find((choice) => choice.id === draft.modelChoice) ?? MODEL_CHOICES[0];

  return (
    <SettingsCard section="generation" title="Generation" description="What a new avatar is made with when the dialog or the command line does not say otherwise.">
      <form id={FORM_ID} className="settings-form" noValidate onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}>
        <FormProblem problem={form.failure ? describeError(form.failure) : null} />
        <ChoiceCards<ProviderKind>
          legend="Default provider"
          value={draft.provider === 'offline' ? 'offline' : 'huggingface'}
          choices={PROVIDER_CHOICES}
          onChange={(provider) => form.set('provider', provider)}
          note={
            tokenUnset && draft.provider === 'huggingface' ? (
              <p className="field__hint">
                No Hugging Face token is set, so new avatars are drawn offline until you <a href="#/settings/token">add one</a>.
              </p>
            ) : null
          }
        />
        <div className="settings-form__grid">
          <Field id={modelId} label="Model" hint={model.hint} error={errors.modelChoice}>
            <select
              id={modelId}
              className="input select"
              value={draft.modelChoice}
              aria-invalid={errors.modelChoice ? true : undefined}
              aria-describedby={describedBy(modelId, errors.modelChoice, model.hint)}
              onChange={(event) => form.set('modelChoice', event.target.value)}
            >
              {MODEL_CHOICES.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          </Field>
          {draft.modelChoice === CUSTOM_MODEL && (
            <TextField label="Model id" value={draft.customModel} onChange={(value) => form.set('customModel', value)} maxLength={SETTINGS_BOUNDS.model} error={errors.customModel} placeholder="owner/name" />
          )}
          <TextField
            label="Inference provider"
            value={draft.inferenceProvider}
            onChange={(value) => form.set('inferenceProvider', value)}
            maxLength={SETTINGS_BOUNDS.inferenceProvider}
            error={errors.inferenceProvider}
            list={providersId}
            hint="auto lets Hugging Face pick one that serves the model."
          />
          <datalist id={providersId}>
            {INFERENCE_PROVIDERS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <TextField
          label="Inference Endpoint URL"
          optional
          value={draft.endpointUrl}
          onChange={(value) => form.set('endpointUrl', value)}
          maxLength={SETTINGS_BOUNDS.endpointUrl}
          error={errors.endpointUrl}
          placeholder="https://…endpoints.huggingface.cloud"
          hint="A dedicated endpoint of your own; when set, it is used instead of the provider."
        />
        <div className="settings-form__grid settings-form__grid--numbers">
          <NumberField label="Width" value={draft.width} onChange={(value) => form.set('width', value)} min={GENERATION_LIMITS.sizeMin} max={GENERATION_LIMITS.sizeMax} step={GENERATION_LIMITS.sizeStep} error={errors.width} hint="Pixels, a multiple of 16." />
          <NumberField label="Height" value={draft.height} onChange={(value) => form.set('height', value)} min={GENERATION_LIMITS.sizeMin} max={GENERATION_LIMITS.sizeMax} step={GENERATION_LIMITS.sizeStep} error={errors.height} hint="Pixels, a multiple of 16." />
          <NumberField label="Steps" value={draft.steps} onChange={(value) => form.set('steps', value)} min={1} max={GENERATION_LIMITS.stepsMax} error={errors.steps} hint="About 30 for dev, 4 for schnell." />
          <NumberField label="Guidance" value={draft.guidance} onChange={(value) => form.set('guidance', value)} min={0} max={GENERATION_LIMITS.guidanceMax} step={0.5} error={errors.guidance} hint="Prompt adherence; usually 3.5." />
          <NumberField
            label="Concurrency"
            value={draft.concurrency}
            onChange={(value) => form.set('concurrency', value)}
            min={GENERATION_LIMITS.concurrencyMin}
            max={GENERATION_LIMITS.concurrencyMax}
            error={errors.concurrency}
            hint={`Images made at once (${GENERATION_LIMITS.concurrencyMin}–${GENERATION_LIMITS.concurrencyMax}). Applies to the running queue at once.`}
          />
          <NumberField label="Retry attempts" value={draft.maxAttempts} onChange={(value) => form.set('maxAttempts', value)} min={1} max={SETTINGS_BOUNDS.maxAttempts} error={errors.maxAttempts} hint="Tries per image before it counts as failed." />
        </div>
        <SaveBar label="Save generation settings" dirty={form.dirty} busy={form.busy} saved={form.saved} onDiscard={form.discard} />
      </form>
    </SettingsCard>
  );
};
