import { z } from 'zod';
import { idPattern } from './ids';
import {
  AGE_RANGES,
  GENDERS,
  GENERATION_LIMITS,
  LIMITS,
  PRESET_CATEGORIES,
  PROVIDER_KINDS,
  SEARCH_LIMITS,
  SOURCE_TYPES,
  AVATAR_SORTS,
  USAGE_LIMITS,
  type PresetCategory,
  type GenerationPriority,
  type GenerationStage,
  type GenerationStatus,
  type ImageFormat,
  type SourceType,
} from './vocabulary';
import type { AppErrorShape } from './errors';

export * from './vocabulary';

export const projectIdSchema = z.string().regex(idPattern('project'), 'must be a project id (prj_…)');
export const avatarIdSchema = z.string().regex(idPattern('avatar'), 'must be an avatar id (ava_…)');

/** Trimmed text with a length cap; empty after trimming becomes null, so "clear this field" is just an empty string. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();

const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const personaSchema = z
  .object({
    name: optionalText(LIMITS.personaName),
    age: z.number().int().min(LIMITS.personaAgeMin).max(LIMITS.personaAgeMax).nullable(),
    personality: z
      .array(requiredText(LIMITS.personalityItem))
      .max(LIMITS.personalityItems, `at most ${LIMITS.personalityItems} traits`),
    background: optionalText(LIMITS.personaBackground),
  })
  .strict();

export const attributesSchema = z
  .object({
    gender: z.enum(GENDERS).nullable(),
    ageRange: z.enum(AGE_RANGES).nullable(),
    ethnicity: optionalText(LIMITS.attribute),
    bodyType: optionalText(LIMITS.attribute),
    hairStyle: optionalText(LIMITS.attribute),
    hairColor: optionalText(LIMITS.attribute),
    eyeColor: optionalText(LIMITS.attribute),
    skinTone: optionalText(LIMITS.attribute),
    style: optionalText(LIMITS.attribute),
  })
  .strict();

export type Persona = z.output<typeof personaSchema>;
export type Attributes = z.output<typeof attributesSchema>;
export type PersonaInput = z.input<typeof personaSchema>;
export type AttributesInput = z.input<typeof attributesSchema>;

export const ATTRIBUTE_KEYS = Object.keys(attributesSchema.shape) as (keyof Attributes)[];

export const EMPTY_PERSONA: Persona = { name: null, age: null, personality: [], background: null };
export const EMPTY_ATTRIBUTES: Attributes = {
  gender: null,
  ageRange: null,
  ethnicity: null,
  bodyType: null,
  hairStyle: null,
  hairColor: null,
  eyeColor: null,
  skinTone: null,
  style: null,
};

export interface ProjectSummary {
  id: string;
  name: string;
  description: string | null;
  avatarCount: number;
  /** The newest avatar, whose thumbnail stands for the project; null when empty. */
  coverAvatarId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface StoredImage {
  format: ImageFormat;
  width: number;
  height: number;
  byteSize: number;
  sha256: string;
}

export interface GenerationRecipe {
  prompt: string;
  negativePrompt: string | null;
  seed: number;
  model: string;
  provider: string;
  params: Record<string, unknown>;
}

export interface Avatar {
  id: string;
  projectId: string;
  name: string;
  persona: Persona;
  attributes: Attributes;
  sourceType: SourceType;
  image: StoredImage;
  generation: GenerationRecipe | null;
  /** The job that made it (its full recipe is there); null for uploads. */
  generationId: string | null;
  parentAvatarId: string | null;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ProjectDetail {
  project: ProjectSummary;
  avatars: Avatar[];
}

export const generationIdSchema = z.string().regex(idPattern('generation'), 'must be a generation id (gen_…)');

const promptText = z.string().trim().max(GENERATION_LIMITS.prompt, `must be at most ${GENERATION_LIMITS.prompt} characters`);

/** What the user asks for; compiled deterministically into the prompt that is sent. */
export const recipeSchema = z
  .object({
    persona: personaSchema.partial().optional(),
    attributes: attributesSchema.partial().optional(),
    /** Free text added to the compiled prompt. */
    prompt: promptText.optional(),
    /** Kept with the recipe; FLUX.1 is guidance-distilled and ignores it (the UI says so). */
    negativePrompt: promptText.optional(),
  })
  .strict();

const imageSide = z
  .number()
  .int()
  .min(GENERATION_LIMITS.sizeMin)
  .max(GENERATION_LIMITS.sizeMax)
  .multipleOf(GENERATION_LIMITS.sizeStep, `must be a multiple of ${GENERATION_LIMITS.sizeStep}`);

export const generationParamsSchema = z
  .object({
    provider: z.enum(PROVIDER_KINDS).optional(),
    /** A Hugging Face model id such as black-forest-labs/FLUX.1-dev. */
    model: z
      .string()
      .max(200)
      .regex(/^[\w.-]+\/[\w.-]+$/, 'must be a model id like owner/name')
      .optional(),
    width: imageSide.optional(),
    height: imageSide.optional(),
    steps: z.number().int().min(1).max(GENERATION_LIMITS.stepsMax).optional(),
    guidance: z.number().min(0).max(GENERATION_LIMITS.guidanceMax).optional(),
    seed: z.number().int().min(0).max(GENERATION_LIMITS.seedMax).optional(),
  })
  .strict();

export type Recipe = z.output<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;
export type GenerationParamsInput = z.input<typeof generationParamsSchema>;

/** Everything a provider needs for one image; stored on the job so it can be re-rendered. */
export interface ResolvedParams {
  provider: string;
  model: string;
  width: number;
  height: number;
  steps: number;
  guidance: number;
  seed: number;
}

export interface Generation {
  id: string;
  projectId: string;
  batchId: string | null;
  /** Name the finished avatar will get. */
  name: string;
  status: GenerationStatus;
  stage: GenerationStage;
  /** 0–1, an estimate while the provider works (it reports no progress of its own). */
  progress: number;
  priority: GenerationPriority;
  attempts: number;
  maxAttempts: number;
  error: AppErrorShape | null;
  recipe: Recipe;
  prompt: string;
  negativePrompt: string | null;
  params: ResolvedParams;
  /** From a reference: the image it edits (kept in the library), so it can be re-rendered. */
  referenceSha256: string | null;
  /** Lineage: the avatar this job varies or edits (kept when that avatar is deleted). */
  sourceAvatarId: string | null;
  avatarId: string | null;
  nextAttemptAt: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
}

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;

export interface QueueStatus {
  paused: boolean;
  /** Why the queue paused itself (bad token, no credits); null when the user paused it or it runs. */
  pauseReason: AppErrorShape | null;
  concurrency: { ceiling: number; effective: number };
  circuit: (typeof CIRCUIT_STATES)[number];
  counts: { pending: number; processing: number };
}

// ── Search ───────────────────────────────────────────────────────────────────────────────────

const filterValues = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(SEARCH_LIMITS.filterValues).optional();

export const avatarSearchSchema = z
  .object({
    /** Full-text over name, persona fields and prompt; words are matched as prefixes. */
    query: z.string().trim().max(SEARCH_LIMITS.query).optional(),
    projectId: projectIdSchema.optional(),
    gender: filterValues(z.enum(GENDERS)),
    ageRange: filterValues(z.enum(AGE_RANGES)),
    style: filterValues(z.string().trim().min(1).max(LIMITS.attribute)),
    sourceType: filterValues(z.enum(SOURCE_TYPES)),
    provider: filterValues(z.string().trim().min(1).max(50)),
    model: filterValues(z.string().trim().min(1).max(200)),
    sort: z.enum(AVATAR_SORTS).optional(),
    limit: z.number().int().min(1).max(SEARCH_LIMITS.pageMax).optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(500).optional(),
  })
  .strict();

export interface AvatarPage {
  items: Avatar[];
  nextCursor: string | null;
  total: number;
}

// ── Usage ────────────────────────────────────────────────────────────────────────────────────

export const usageRecordSchema = z
  .object({
    avatarId: avatarIdSchema,
    appId: z.string().trim().min(1).max(USAGE_LIMITS.appId),
    appName: z.string().trim().min(1).max(USAGE_LIMITS.appName),
    action: z.string().trim().min(1).max(USAGE_LIMITS.action),
    referenceId: z.string().trim().max(USAGE_LIMITS.referenceId).optional(),
    referenceType: z.string().trim().max(USAGE_LIMITS.referenceType).optional(),
    metadata: z
      .record(z.string().max(100), z.unknown())
      .refine((value) => {
        try {
          return new TextEncoder().encode(JSON.stringify(value)).length <= USAGE_LIMITS.metadataBytes;
        } catch {
          return false;
        }
      }, `must be at most ${USAGE_LIMITS.metadataBytes} bytes as JSON`)
      .optional(),
  })
  .strict();

export interface UsageRecord {
  id: string;
  avatarId: string;
  appId: string;
  appName: string;
  action: string;
  referenceId: string | null;
  referenceType: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: number;
}

export interface LibraryStats {
  avatars: number;
  projects: number;
  bySource: { sourceType: SourceType; count: number }[];
  /** The last 30 days, oldest first, days in UTC. */
  generationsPerDay: { day: string; completed: number; failed: number }[];
  mostUsed: { avatarId: string; name: string; projectId: string; usageCount: number; lastUsedAt: number | null }[];
  perApp: { appId: string; appName: string; count: number; lastUsed: number }[];
}

// ── Presets ──────────────────────────────────────────────────────────────────────────────────

export const presetIdSchema = z.string().regex(idPattern('preset'), 'must be a preset id (pst_…)');

export const presetInputSchema = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.avatarName),
    category: z.enum(PRESET_CATEGORIES),
    description: z.string().trim().max(LIMITS.projectDescription).optional(),
    persona: personaSchema.partial().optional(),
    attributes: attributesSchema.partial().optional(),
    prompt: promptText.optional(),
  })
  .strict();

export interface Preset {
  id: string;
  name: string;
  category: PresetCategory;
  description: string | null;
  persona: Partial<Persona>;
  attributes: Partial<Attributes>;
  prompt: string;
  isBuiltin: boolean;
  usageCount: number;
  /** Avatar id of the preview image drawn offline for this preset; null until drawn. */
  previewAvatarId: string | null;
  createdAt: number;
  updatedAt: number;
}
