/**
 * The contract's fixed words and limits, free of zod so the renderer and the preload can
 * import them without bundling the schemas.
 */

/** Limits mirror the Lumiku cloud's own validation so anything made here can later sync there. */
export const LIMITS = {
  projectName: 100,
  projectDescription: 500,
  avatarName: 100,
  personaName: 100,
  personaAgeMin: 1,
  personaAgeMax: 120,
  personalityItems: 10,
  personalityItem: 50,
  personaBackground: 500,
  attribute: 50,
  fileName: 255,
} as const;

export const GENDERS = ['male', 'female', 'unisex'] as const;
export const AGE_RANGES = ['young', 'adult', 'mature'] as const;
export const SOURCE_TYPES = ['uploaded', 'text_to_image', 'from_preset', 'from_reference'] as const;
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export const IMAGE_VARIANTS = ['full', 'thumb'] as const;

export type Gender = (typeof GENDERS)[number];
export type AgeRange = (typeof AGE_RANGES)[number];
export type SourceType = (typeof SOURCE_TYPES)[number];
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export type ImageVariant = (typeof IMAGE_VARIANTS)[number];
