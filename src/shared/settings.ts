import { z } from 'zod';
import { GENERATION_DEFAULTS, GENERATION_LIMITS, PROVIDER_KINDS, SETTINGS_LIMITS, THEMES, TOKEN_PATTERN } from './vocabulary';

export { SETTINGS_LIMITS, THEMES } from './vocabulary';

export type Theme = (typeof THEMES)[number];

/** What each action costs, as the Lumiku cloud charges it; the user may change them. */
export const DEFAULT_CREDIT_COSTS = {
  generate: 10,
  upload: 2,
  fromPreset: 8,
  fromReference: 12,
  editPersona: 0,
} as const;
export type CreditAction = keyof typeof DEFAULT_CREDIT_COSTS;
export const CREDIT_ACTIONS = Object.keys(DEFAULT_CREDIT_COSTS) as CreditAction[];

/**
 * The Lumiku cloud sync talks to unless the user points it elsewhere (a self-hosted or staging
 * server, or the reference server of docs/sync-api.md).
 */
export const LUMIKU_SERVER_URL = 'https://lumiku.com';


const imageSide = z.number().int().min(GENERATION_LIMITS.sizeMin).max(GENERATION_LIMITS.sizeMax).multipleOf(GENERATION_LIMITS.sizeStep);
const cost = z.number().int().min(0).max(SETTINGS_LIMITS.creditCost);
/** null: no limit. */
const limit = z.number().int().min(0).max(SETTINGS_LIMITS.creditLimit).nullable();

const generationSettingsSchema = z
  .object({
    /** The provider a request uses when it names none. */
    provider: z.enum(PROVIDER_KINDS),
    model: z.string().max(200).regex(/^[\w.-]+\/[\w.-]+$/, 'must be a model id like owner/name'),
    /** `auto` or a named Hugging Face inference provider. */
    inferenceProvider: z.string().trim().min(1).max(SETTINGS_LIMITS.inferenceProvider),
    /** A dedicated Inference Endpoint; replaces provider routing. */
    endpointUrl: z
      .string()
      .trim()
      .max(SETTINGS_LIMITS.endpointUrl)
      .refine((value) => URL.canParse(value), 'must be a URL')
      .nullable(),
    width: imageSide,
    height: imageSide,
    steps: z.number().int().min(1).max(GENERATION_LIMITS.stepsMax),
    guidance: z.number().min(0).max(GENERATION_LIMITS.guidanceMax),
    concurrency: z.number().int().min(GENERATION_LIMITS.concurrencyMin).max(GENERATION_LIMITS.concurrencyMax),
    maxAttempts: z.number().int().min(1).max(SETTINGS_LIMITS.maxAttempts),
  })
  .strict();

const syncSettingsSchema = z
  .object({
    /** The Lumiku server sync signs in to and sends to (no trailing slash needed). */
    serverUrl: z
      .string()
      .trim()
      .max(SETTINGS_LIMITS.endpointUrl)
      .refine((value) => URL.canParse(value) && /^https?:/.test(value), 'must be an http(s) URL'),
  })
  .strict();

const creditSettingsSchema = z
  .object({
    costs: z.object({ generate: cost, upload: cost, fromPreset: cost, fromReference: cost, editPersona: cost }).strict(),
    /** Credits that may be charged per calendar day (local time); new work past it is refused. */
    dailyLimit: limit,
    /** The most one request (a batch) may cost. */
    batchLimit: limit,
  })
  .strict();

export const settingsSchema = z
  .object({
    generation: generationSettingsSchema,
    credits: creditSettingsSchema,
    sync: syncSettingsSchema,
    theme: z.enum(THEMES),
    notifications: z.boolean(),
    /** Where the library lives; null: the default folder of this computer. Changed only by moving it. */
    libraryLocation: z.string().nullable(),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export type GenerationSettings = Settings['generation'];

/** Every section optional and every field in it optional: what `settings.update` takes. */
export const settingsPatchSchema = z
  .object({
    generation: generationSettingsSchema.partial().optional(),
    credits: creditSettingsSchema.extend({ costs: creditSettingsSchema.shape.costs.partial() }).partial().optional(),
    sync: syncSettingsSchema.partial().optional(),
    theme: z.enum(THEMES).optional(),
    notifications: z.boolean().optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  generation: {
    provider: 'huggingface',
    model: GENERATION_DEFAULTS.model,
    inferenceProvider: GENERATION_DEFAULTS.inferenceProvider,
    endpointUrl: null,
    width: GENERATION_DEFAULTS.width,
    height: GENERATION_DEFAULTS.height,
    steps: GENERATION_DEFAULTS.steps,
    guidance: GENERATION_DEFAULTS.guidance,
    concurrency: GENERATION_DEFAULTS.concurrency,
    maxAttempts: GENERATION_DEFAULTS.maxAttempts,
  },
  credits: { costs: { ...DEFAULT_CREDIT_COSTS }, dailyLimit: null, batchLimit: null },
  sync: { serverUrl: LUMIKU_SERVER_URL },
  theme: 'system',
  notifications: true,
  libraryLocation: null,
};

// ── The token ────────────────────────────────────────────────────────────────────────────────

/**
 * All the renderer ever learns about the Hugging Face token. `set`: stored, not yet checked;
 * `valid`/`invalid`: what the last check against the service said.
 */
export const TOKEN_STATES = ['unset', 'set', 'valid', 'invalid'] as const;
/**
 * Where it is kept: `encrypted` by the OS secret store, `session` in memory until the app quits,
 * `environment` from HF_TOKEN, `none` when unset.
 */
export const TOKEN_STORAGES = ['encrypted', 'session', 'environment', 'none'] as const;

export interface TokenStatus {
  state: (typeof TOKEN_STATES)[number];
  storage: (typeof TOKEN_STORAGES)[number];
  /** False where the OS has no real secret store (Linux `basic_text`): persisting must be asked for. */
  canEncrypt: boolean;
  /** The account name from the last successful check. */
  account: string | null;
  checkedAt: number | null;
}

export const tokenInputSchema = z
  .object({
    token: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'is too long for a Hugging Face token')
      .regex(TOKEN_PATTERN, 'must not contain spaces or special characters'),
    /**
     * `session`: keep it in memory only. `persist`: store it encrypted; where the OS has no real
     * secret store this is refused unless `allowWeakStorage` says the user agreed.
     */
    keep: z.enum(['session', 'persist']).default('persist'),
    allowWeakStorage: z.boolean().default(false),
  })
  .strict();
