import type { SettingsPatch } from '../../../../shared/settings';
import type { Settings } from '../../../../shared/settings';
import { GENERATION_LIMITS, HF_MODELS, type ProviderKind } from '../../../../shared/vocabulary';
import { SETTINGS_BOUNDS, checkInt, checkNumber, editedKeys, intOf, type Draft, type DraftErrors, type Edits } from './draftKit';

export const CUSTOM_MODEL = 'custom';
export const MODEL_CHOICES = [
  { id: HF_MODELS.fluxDev, label: 'FLUX.1-dev', hint: 'Best quality; about 30 steps.' },
  { id: HF_MODELS.fluxSchnell, label: 'FLUX.1-schnell', hint: 'Fast drafts; made for about 4 steps.' },
  { id: CUSTOM_MODEL, label: 'Another model…', hint: 'Any text-to-image model on Hugging Face, as owner/name.' },
] as const;

export const PROVIDER_CHOICES: readonly { id: ProviderKind; label: string; detail: string }[] = [
  { id: 'huggingface', label: 'Hugging Face', detail: 'FLUX.1 through Hugging Face. Needs a token.' },
  { id: 'offline', label: 'Offline', detail: 'Drawn on this computer. No token, no network.' },
];

/** Common Hugging Face inference providers, offered as suggestions; the library checks the name. */
export const INFERENCE_PROVIDERS = ['auto', 'hf-inference', 'fal-ai', 'replicate', 'together', 'nebius', 'nscale', 'wavespeed', 'fireworks-ai'] as const;

export const GENERATION_FIELDS = ['provider', 'modelChoice', 'customModel', 'inferenceProvider', 'endpointUrl', 'width', 'height', 'steps', 'guidance', 'concurrency', 'maxAttempts'] as const;
export type GenerationField = (typeof GENERATION_FIELDS)[number];
export type GenerationDraft = Draft<GenerationField>;

const isKnownModel = (model: string): boolean => MODEL_CHOICES.some((choice) => choice.id === model && choice.id !== CUSTOM_MODEL);

export const generationDraftOf = (generation: Settings['generation']): GenerationDraft => ({
  provider: generation.provider,
  modelChoice: isKnownModel(generation.model) ? generation.model : CUSTOM_MODEL,
  customModel: isKnownModel(generation.model) ? '' : generation.model,
  inferenceProvider: generation.inferenceProvider,
  endpointUrl: generation.endpointUrl ?? '',
  width: String(generation.width),
  height: String(generation.height),
  steps: String(generation.steps),
  guidance: String(generation.guidance),
  concurrency: String(generation.concurrency),
  maxAttempts: String(generation.maxAttempts),
});

const MODEL_ID = /^[\w.-]+\/[\w.-]+$/;
const sizeCheck = (text: string) => checkInt(text, GENERATION_LIMITS.sizeMin, GENERATION_LIMITS.sizeMax, { step: GENERATION_LIMITS.sizeStep });

/** The checks the library makes too, so a mistake shows at its field before anything is sent. */
export const validateGeneration = (draft: GenerationDraft): DraftErrors<GenerationField> => {
  const errors: DraftErrors<GenerationField> = {};
  const put = (field: GenerationField, problem: string | null) => {
    if (problem) errors[field] = problem;
  };
  if (draft.modelChoice === CUSTOM_MODEL) {
    const model = draft.customModel.trim();
    put('customModel', !model ? 'Enter a model id like owner/name.' : !MODEL_ID.test(model) || model.length > SETTINGS_BOUNDS.model ? 'A model id looks like owner/name (letters, digits, . _ -).' : null);
  }
  if (!draft.inferenceProvider.trim()) errors.inferenceProvider = 'Enter auto or the name of a provider.';
  const endpoint = draft.endpointUrl.trim();
  if (endpoint && !URL.canParse(endpoint)) errors.endpointUrl = 'Enter a full address like https://…, or leave it empty.';
  put('width', sizeCheck(draft.width));
  put('height', sizeCheck(draft.height));
  put('steps', checkInt(draft.steps, 1, GENERATION_LIMITS.stepsMax));
  put('guidance', checkNumber(draft.guidance, 0, GENERATION_LIMITS.guidanceMax));
  put('concurrency', checkInt(draft.concurrency, GENERATION_LIMITS.concurrencyMin, GENERATION_LIMITS.concurrencyMax));
  put('maxAttempts', checkInt(draft.maxAttempts, 1, SETTINGS_BOUNDS.maxAttempts));
  return errors;
};

/** The `generation` part of settings.update for what was edited (a valid draft). */
export const generationPatchOf = (draft: GenerationDraft, edits: Edits<GenerationField>, current: GenerationDraft): SettingsPatch['generation'] => {
  const patch: NonNullable<SettingsPatch['generation']> = {};
  for (const key of editedKeys(edits, current)) {
    if (key === 'provider') patch.provider = draft.provider === 'offline' ? 'offline' : 'huggingface';
    else if (key === 'modelChoice' || key === 'customModel') patch.model = draft.modelChoice === CUSTOM_MODEL ? draft.customModel.trim() : draft.modelChoice;
    else if (key === 'inferenceProvider') patch.inferenceProvider = draft.inferenceProvider.trim();
    else if (key === 'endpointUrl') patch.endpointUrl = draft.endpointUrl.trim() || null;
    else if (key === 'guidance') patch.guidance = Number(draft.guidance.trim());
    else patch[key] = intOf(draft[key]);
  }
  return patch;
};

/** `generation.width` → width; the model's issue goes to whichever model field is showing. */
export const generationFieldOf =
  (draft: GenerationDraft) =>
  (path: string): GenerationField | null => {
    const [section, key] = path.split('.');
    if (section !== 'generation' || !key) return null;
    if (key === 'model') return draft.modelChoice === CUSTOM_MODEL ? 'customModel' : 'modelChoice';
    return (GENERATION_FIELDS as readonly string[]).includes(key) ? (key as GenerationField) : null;
  };
