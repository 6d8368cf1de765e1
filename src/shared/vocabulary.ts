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

export const GENERATION_STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
export const GENERATION_STAGES = ['queued', 'submitting', 'generating', 'saving', 'done'] as const;
export const GENERATION_PRIORITIES = ['interactive', 'batch'] as const;
/** Where images come from: Hugging Face inference, or drawn on this machine with no network or token. */
export const PROVIDER_KINDS = ['huggingface', 'offline'] as const;
export const HF_MODELS = {
  fluxDev: 'black-forest-labs/FLUX.1-dev',
  fluxSchnell: 'black-forest-labs/FLUX.1-schnell',
  /** Image-to-image made for keeping a character consistent across edits. */
  fluxKontext: 'black-forest-labs/FLUX.1-Kontext-dev',
} as const;

export const GENERATION_LIMITS = {
  prompt: 1000,
  count: 100,
  sizeMin: 256,
  sizeMax: 2048,
  sizeStep: 16,
  stepsMax: 100,
  guidanceMax: 20,
  seedMax: 2 ** 32 - 1,
  concurrencyMin: 1,
  concurrencyMax: 32,
} as const;

export const GENERATION_DEFAULTS = {
  model: HF_MODELS.fluxDev,
  width: 1024,
  height: 1024,
  steps: 30,
  guidance: 3.5,
  concurrency: 4,
  maxAttempts: 5,
  inferenceProvider: 'auto',
} as const;

/** Kontext's own recommendations: it follows the instruction at low guidance and keeps the face. */
export const REFERENCE_DEFAULTS = {
  model: HF_MODELS.fluxKontext,
  steps: 28,
  guidance: 2.5,
} as const;

export type GenerationStatus = (typeof GENERATION_STATUSES)[number];
export type GenerationStage = (typeof GENERATION_STAGES)[number];
export type GenerationPriority = (typeof GENERATION_PRIORITIES)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const AVATAR_SORTS = ['newest', 'most_used', 'recently_used', 'name'] as const;
export type AvatarSort = (typeof AVATAR_SORTS)[number];

export const PRESET_CATEGORIES = ['professional', 'casual', 'sports', 'fashion', 'traditional', 'creative'] as const;
export type PresetCategory = (typeof PRESET_CATEGORIES)[number];

/** This app, as it names itself in usage history (the platform's trackUsage fields). */
export const THIS_APP = { appId: 'avatar-creator', appName: 'Avatar Creator' } as const;

/** The platform's own validation for usage history (its trackUsage schema). */
export const USAGE_LIMITS = {
  appId: 50,
  appName: 100,
  action: 100,
  referenceId: 100,
  referenceType: 50,
  metadataBytes: 4096,
} as const;

export const SEARCH_LIMITS = {
  query: 200,
  pageMax: 500,
  pageDefault: 100,
  filterValues: 10,
} as const;

export const THEMES = ['system', 'light', 'dark'] as const;

/** Bounds of the settings, shared by their schema and the settings screen's checks. */
export const SETTINGS_LIMITS = {
  maxAttempts: 10,
  creditCost: 1_000,
  creditLimit: 10_000_000,
  endpointUrl: 500,
  inferenceProvider: 50,
  model: 200,
} as const;

/** A token goes into an HTTP header: printable ASCII, no spaces (a pasted newline would break it, or leak into an error). */
export const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export const LEDGER_PAGE_MAX = 500;
