import type { CommandInput } from '../../../../shared/contract';
import type { Avatar } from '../../../../shared/domain';
import type { ErrorIssue } from '../../../../shared/errors';
import { GENERATION_LIMITS, LIMITS, REFERENCE_DEFAULTS } from '../../../../shared/vocabulary';
import type { FieldErrors } from '../../lib/drafts';
import { nameFromFileName } from '../../lib/format';

/** The dialog makes at most this many at once (the library takes more; a batch that size is a mistake here). */
export const REFERENCE_COUNT_MAX = 8;

/** Clicked to fill in the instruction: what Kontext is good at, worded the way it listens. */
export const INSTRUCTION_EXAMPLES = [
  'same person, business suit, office background',
  'same person, smiling, outdoor café',
  'same outfit, side profile',
  'same person, casual denim jacket, city street at golden hour',
  'same person, black-and-white studio portrait',
] as const;

/** What the new avatars are made from: an avatar of the library, or an image file from this computer. */
export type ReferenceSource = { kind: 'avatar'; avatar: { id: string; name: string } } | { kind: 'file'; file: File };

/** The dialog's fields, as typed: numbers stay text until sent so a half-typed value is never lost. */
export interface ReferenceDraft {
  instruction: string;
  count: string;
  seed: string;
  name: string;
  model: string;
  steps: string;
  guidance: string;
}

export const DEFAULT_REFERENCE_DRAFT: ReferenceDraft = {
  instruction: '',
  count: '1',
  seed: '',
  name: '',
  model: REFERENCE_DEFAULTS.model,
  steps: String(REFERENCE_DEFAULTS.steps),
  guidance: String(REFERENCE_DEFAULTS.guidance),
};

/** The same check the contract makes on a model id. */
const MODEL_ID = /^[\w.-]+\/[\w.-]+$/;
const MODEL_MAX = 200;

const number = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const isIntIn = (value: number | null, min: number, max: number): value is number => value !== null && Number.isInteger(value) && value >= min && value <= max;

export const countOf = (draft: ReferenceDraft): number => {
  const value = number(draft.count);
  return isIntIn(value, 1, REFERENCE_COUNT_MAX) ? value : 1;
};

/** `black-forest-labs/FLUX.1-Kontext-dev` → `FLUX.1-Kontext-dev`. */
export const modelLabel = (model: string): string => {
  const trimmed = model.trim();
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
};

export const isDefaultSettings = (draft: ReferenceDraft): boolean =>
  draft.model.trim() === DEFAULT_REFERENCE_DRAFT.model && Number(draft.steps) === REFERENCE_DEFAULTS.steps && Number(draft.guidance) === REFERENCE_DEFAULTS.guidance;

export const withDefaultSettings = (draft: ReferenceDraft): ReferenceDraft => ({
  ...draft,
  model: DEFAULT_REFERENCE_DRAFT.model,
  steps: DEFAULT_REFERENCE_DRAFT.steps,
  guidance: DEFAULT_REFERENCE_DRAFT.guidance,
});

/** An example fills an empty box (or replaces another example); after the user's own words it is added on. */
export const withExample = (instruction: string, example: string): string => {
  const current = instruction.trim();
  if (current === '' || (INSTRUCTION_EXAMPLES as readonly string[]).includes(current)) return example;
  return `${current.replace(/[,;.]+$/, '')}, ${example}`.slice(0, GENERATION_LIMITS.prompt);
};

/** What the avatars are called when the name is left empty (the library numbers them when several). */
export const defaultNameFor = (reference: ReferenceSource): string =>
  `${reference.kind === 'avatar' ? reference.avatar.name : nameFromFileName(reference.file.name)} (edited)`.slice(0, LIMITS.avatarName);

/** The checks the library makes too, run first so mistakes show at the field without a round trip. */
export const validateReferenceDraft = (draft: ReferenceDraft): FieldErrors => {
  const errors: FieldErrors = {};
  const instruction = draft.instruction.trim();
  if (instruction === '') errors.instruction = 'Say what should change, e.g. “same person, business suit, office background”.';
  else if (instruction.length > GENERATION_LIMITS.prompt) errors.instruction = `At most ${GENERATION_LIMITS.prompt} characters.`;
  if (!isIntIn(number(draft.count), 1, REFERENCE_COUNT_MAX)) errors.count = `Enter a whole number from 1 to ${REFERENCE_COUNT_MAX}.`;
  const seed = number(draft.seed);
  if (seed !== null && !isIntIn(seed, 0, GENERATION_LIMITS.seedMax)) errors.seed = `Leave empty for a random seed, or enter a whole number from 0 to ${GENERATION_LIMITS.seedMax}.`;
  const model = draft.model.trim();
  if (!MODEL_ID.test(model) || model.length > MODEL_MAX) errors.model = 'Enter a Hugging Face model id like black-forest-labs/FLUX.1-Kontext-dev.';
  if (!isIntIn(number(draft.steps), 1, GENERATION_LIMITS.stepsMax)) errors.steps = `Enter a whole number from 1 to ${GENERATION_LIMITS.stepsMax}.`;
  const guidance = number(draft.guidance);
  if (guidance === null || !Number.isFinite(guidance) || guidance < 0 || guidance > GENERATION_LIMITS.guidanceMax) {
    errors.guidance = `Enter a number from 0 to ${GENERATION_LIMITS.guidanceMax}.`;
  }
  if (draft.name.trim().length > LIMITS.avatarName) errors.name = `At most ${LIMITS.avatarName} characters.`;
  return errors;
};

export type ReferenceInput = CommandInput<'generations.fromReference'>['reference'];

/** The command for a valid draft. Priority is left to the library: one image is interactive, several a batch. */
export const referenceCommandOf = (draft: ReferenceDraft, projectId: string, reference: ReferenceInput, defaultName: string): CommandInput<'generations.fromReference'> => {
  const seed = number(draft.seed);
  const name = draft.name.trim() || defaultName;
  return {
    projectId,
    reference,
    instruction: draft.instruction.trim(),
    params: { model: draft.model.trim(), steps: Number(draft.steps), guidance: Number(draft.guidance), ...(seed !== null && { seed }) },
    count: countOf(draft),
    ...(name && { name }),
  };
};

/** The library's validation issues, keyed by the dialog's own field keys. */
export const referenceFieldErrorsOf = (issues: readonly ErrorIssue[] | undefined): FieldErrors => {
  const errors: FieldErrors = {};
  for (const { path, message } of issues ?? []) {
    const [head = '', sub = ''] = path.split('.');
    const key = head === 'params' ? sub || 'model' : head;
    errors[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return errors;
};

const numberParam = (params: Record<string, unknown>, key: string): number | null => {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * The dialog filled in from a from-reference avatar ("Use this recipe"): the instruction it was
 * made with (`instruction`, from its job; else the prompt it keeps, which is the same words), its
 * model, steps, guidance and seed.
 */
export const referenceDraftFromAvatar = (avatar: Avatar, instruction: string | null): ReferenceDraft => {
  const generation = avatar.generation;
  const params = generation?.params ?? {};
  const steps = numberParam(params, 'steps');
  const guidance = numberParam(params, 'guidance');
  return {
    ...DEFAULT_REFERENCE_DRAFT,
    instruction: instruction ?? generation?.prompt ?? '',
    model: generation?.model && MODEL_ID.test(generation.model) ? generation.model : DEFAULT_REFERENCE_DRAFT.model,
    steps: steps === null ? DEFAULT_REFERENCE_DRAFT.steps : String(steps),
    guidance: guidance === null ? DEFAULT_REFERENCE_DRAFT.guidance : String(guidance),
    seed: generation ? String(generation.seed) : '',
  };
};
