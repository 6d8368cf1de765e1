import { z } from 'zod';
import { idPattern } from './ids';
import { AGE_RANGES, GENDERS, LIMITS, type ImageFormat, type SourceType } from './vocabulary';

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
