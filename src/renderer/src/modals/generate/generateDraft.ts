import type { CommandInput } from '../../../../shared/contract';
import type { ErrorIssue } from '../../../../shared/errors';
import type { GenerationSettings, TokenStatus } from '../../../../shared/settings';
import { GENERATION_DEFAULTS, GENERATION_LIMITS, HF_MODELS, LIMITS } from '../../../../shared/vocabulary';
import {
  EMPTY_ATTRIBUTES_DRAFT,
  EMPTY_PERSONA_DRAFT,
  attributesInputOf,
  personaInputOf,
  validatePersona,
  type AttributesDraft,
  type FieldErrors,
  type PersonaDraft,
} from '../../lib/drafts';

export const SIZE_PRESETS = [
  { id: 'square', label: 'Square', width: 1024, height: 1024 },
  { id: 'portrait', label: 'Portrait', width: 768, height: 1024 },
  { id: 'landscape', label: 'Landscape', width: 1024, height: 768 },
  { id: 'small', label: 'Small', width: 512, height: 512 },
] as const satisfies readonly { id: string; label: string; width: number; height: number }[];
export type SizePreset = (typeof SIZE_PRESETS)[number];
export type SizePresetId = SizePreset['id'];

/** Not a model but the offline drawer: offered beside the models because it is the other way to make an avatar. */
export const OFFLINE_ENGINE = 'offline';

export interface ModelOption {
  id: string;
  label: string;
  hint: string;
  steps: number;
}

export const MODEL_OPTIONS: readonly ModelOption[] = [
  { id: HF_MODELS.fluxDev, label: 'FLUX.1-dev', hint: 'Best quality; about 30 steps.', steps: GENERATION_DEFAULTS.steps },
  { id: HF_MODELS.fluxSchnell, label: 'FLUX.1-schnell', hint: 'Fast drafts; made for about 4 steps.', steps: 4 },
  {
    id: OFFLINE_ENGINE,
    label: 'Offline drawing (no token)',
    hint: 'Drawn on this computer from the look (hair, skin, eyes, gender, age, style); the prompt and steps are not used.',
    steps: GENERATION_DEFAULTS.steps,
  },
];
/** One of MODEL_OPTIONS, or another Hugging Face model chosen in Settings (owner/name). */
export type ModelId = string;

/** The dialog's fields, as typed: numbers stay text until sent so a half-typed value is never lost. */
export interface GenerateDraft {
  name: string;
  persona: PersonaDraft;
  attributes: AttributesDraft;
  prompt: string;
  negativePrompt: string;
  model: ModelId;
  size: SizePresetId;
  steps: string;
  guidance: string;
  seed: string;
  count: string;
}

export const DEFAULT_GENERATE_DRAFT: GenerateDraft = {
  name: '',
  persona: EMPTY_PERSONA_DRAFT,
  attributes: EMPTY_ATTRIBUTES_DRAFT,
  prompt: '',
  negativePrompt: '',
  model: HF_MODELS.fluxDev,
  size: 'square',
  steps: String(GENERATION_DEFAULTS.steps),
  guidance: String(GENERATION_DEFAULTS.guidance),
  seed: '',
  count: '1',
};

export const modelOption = (id: ModelId): ModelOption =>
  MODEL_OPTIONS.find((option) => option.id === id) ?? { id, label: id.slice(id.indexOf('/') + 1), hint: 'Your model from Settings.', steps: GENERATION_DEFAULTS.steps };
export const sizePreset = (id: SizePresetId): SizePreset => SIZE_PRESETS.find((preset) => preset.id === id) ?? SIZE_PRESETS[0];

/** Switching model moves steps to the new model's usual number, unless the user chose their own. */
export const withModel = (draft: GenerateDraft, model: ModelId): GenerateDraft => {
  const untouched = draft.steps.trim() === String(modelOption(draft.model).steps);
  return { ...draft, model, steps: untouched ? String(modelOption(model).steps) : draft.steps };
};

/** No token: Hugging Face cannot be used, so the dialogs start on the offline drawer and say why. */
export const noTokenSet = (status: TokenStatus | null): boolean => status?.state === 'unset';

/**
 * A fresh dialog starts from the settings: their provider and model (offline without a token),
 * steps and guidance, and their size when it is one of the presets.
 */
export const defaultDraftFor = (generation: GenerationSettings | null, token: TokenStatus | null): GenerateDraft => {
  if (!generation) return withTokenDefault(DEFAULT_GENERATE_DRAFT, token);
  const model = generation.provider === 'offline' ? OFFLINE_ENGINE : generation.model;
  const size = SIZE_PRESETS.find((preset) => preset.width === generation.width && preset.height === generation.height)?.id ?? DEFAULT_GENERATE_DRAFT.size;
  const draft: GenerateDraft = { ...DEFAULT_GENERATE_DRAFT, model, size, steps: String(generation.steps), guidance: String(generation.guidance) };
  return withTokenDefault(draft, token);
};

/** The same draft on the offline drawer when no token is set; as it was otherwise. */
export const withTokenDefault = (draft: GenerateDraft, token: TokenStatus | null): GenerateDraft =>
  noTokenSet(token) && draft.model !== OFFLINE_ENGINE ? withModel(draft, OFFLINE_ENGINE) : draft;

export const randomSeed = (): number => {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return value % (GENERATION_LIMITS.seedMax + 1);
};

export const submitLabel = (count: number): string => (count > 1 ? `Generate ${count} avatars` : 'Generate');

const number = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const isIntIn = (value: number | null, min: number, max: number): value is number => value !== null && Number.isInteger(value) && value >= min && value <= max;

export const countOf = (draft: GenerateDraft): number => {
  const value = number(draft.count);
  return isIntIn(value, 1, GENERATION_LIMITS.count) ? value : 1;
};

/** The checks the library makes too, run first so mistakes show at the field without a round trip. */
export const validateGenerateDraft = (draft: GenerateDraft): FieldErrors => {
  const errors: FieldErrors = validatePersona(draft.persona);
  if (!isIntIn(number(draft.count), 1, GENERATION_LIMITS.count)) errors.count = `Enter a whole number from 1 to ${GENERATION_LIMITS.count}.`;
  const seed = number(draft.seed);
  if (seed !== null && !isIntIn(seed, 0, GENERATION_LIMITS.seedMax)) errors.seed = `Leave empty for a random seed, or enter a whole number from 0 to ${GENERATION_LIMITS.seedMax}.`;
  if (!isIntIn(number(draft.steps), 1, GENERATION_LIMITS.stepsMax)) errors.steps = `Enter a whole number from 1 to ${GENERATION_LIMITS.stepsMax}.`;
  const guidance = number(draft.guidance);
  if (guidance === null || !Number.isFinite(guidance) || guidance < 0 || guidance > GENERATION_LIMITS.guidanceMax) {
    errors.guidance = `Enter a number from 0 to ${GENERATION_LIMITS.guidanceMax}.`;
  }
  if (draft.name.trim().length > LIMITS.avatarName) errors.name = `At most ${LIMITS.avatarName} characters.`;
  return errors;
};

/** The command for a valid draft. Priority is left to the library: one image is interactive, several a batch. */
export const createInputOf = (draft: GenerateDraft, projectId: string): CommandInput<'generations.create'> => {
  const { width, height } = sizePreset(draft.size);
  const seed = number(draft.seed);
  const name = draft.name.trim();
  return {
    projectId,
    recipe: {
      persona: personaInputOf(draft.persona),
      attributes: attributesInputOf(draft.attributes),
      ...(draft.prompt.trim() && { prompt: draft.prompt }),
      ...(draft.negativePrompt.trim() && { negativePrompt: draft.negativePrompt }),
    },
    params:
      draft.model === OFFLINE_ENGINE
        ? { provider: 'offline', width, height, ...(seed !== null && { seed }) }
        : { provider: 'huggingface', model: draft.model, width, height, steps: Number(draft.steps), guidance: Number(draft.guidance), ...(seed !== null && { seed }) },
    count: countOf(draft),
    ...(name && { name }),
  };
};

const FIELD_OF_PARAM: Record<string, string> = { width: 'size', height: 'size', model: 'model', seed: 'seed', steps: 'steps', guidance: 'guidance' };

/** The library's validation issues, keyed by the dialog's own field keys. */
export const fieldErrorsOf = (issues: readonly ErrorIssue[] | undefined): FieldErrors => {
  const errors: FieldErrors = {};
  for (const { path, message } of issues ?? []) {
    const parts = path.split('.');
    let key = path;
    if (parts[0] === 'recipe' && (parts[1] === 'persona' || parts[1] === 'attributes')) key = `${parts[1]}.${parts[2] ?? ''}`;
    else if (parts[0] === 'recipe') key = parts[1] ?? 'prompt';
    else if (parts[0] === 'params') key = FIELD_OF_PARAM[parts[1] ?? ''] ?? 'params';
    errors[key] ??= message;
  }
  return errors;
};
