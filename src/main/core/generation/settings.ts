import { GENERATION_DEFAULTS, type ProviderKind } from '../../../shared/vocabulary';

/** The settings generation reads; the settings issue gives them a UI and storage. */
export interface GenerationSettings {
  provider: ProviderKind;
  model: string;
  /** Hugging Face inference provider: `auto` or a named one (e.g. `hf-inference`, `fal-ai`). */
  inferenceProvider: string;
  /** A dedicated Inference Endpoint; when set it replaces provider routing. */
  endpointUrl: string | null;
  /** The ceiling: the pool may run fewer when the provider throttles. */
  concurrency: number;
  maxAttempts: number;
  /** What a request that names none of these gets. */
  width: number;
  height: number;
  steps: number;
  guidance: number;
}

export interface SettingsSource {
  generation(): GenerationSettings;
}

/** Secrets reach the core only through this: it is how the token stays out of logs and the renderer. */
export interface SecretSource {
  hfToken(): Promise<string | null>;
}

/** The documented defaults, with any overrides: what shells use until the settings issue stores them. */
export const defaultSettings = (overrides: Partial<GenerationSettings> = {}): SettingsSource => {
  const settings: GenerationSettings = {
    provider: 'huggingface',
    model: GENERATION_DEFAULTS.model,
    inferenceProvider: GENERATION_DEFAULTS.inferenceProvider,
    endpointUrl: null,
    concurrency: GENERATION_DEFAULTS.concurrency,
    maxAttempts: GENERATION_DEFAULTS.maxAttempts,
    width: GENERATION_DEFAULTS.width,
    height: GENERATION_DEFAULTS.height,
    steps: GENERATION_DEFAULTS.steps,
    guidance: GENERATION_DEFAULTS.guidance,
    ...overrides,
  };
  return { generation: () => settings };
};
