import type { GenerationOptions } from '../library/openLibrary';
import type { ImageProvider } from '../generation/provider';
import { createHuggingFaceProvider } from '../generation/providers/huggingFace';
import { createOfflineProvider } from '../generation/providers/offlineProvider';
import type { GenerationSettings, SecretSource, SettingsSource } from '../generation/settings';

export interface GenerationWiring {
  settings: SettingsSource;
  /** The token, read per request: a new one applies to the next job without a restart. */
  secrets: SecretSource;
  runJobs: boolean;
  /** Tests and the benchmark send the client's Hub and router requests to a loopback fake. */
  fetch?: typeof fetch;
}

/**
 * The providers for the pool, built from live settings: the Hugging Face provider is rebuilt when
 * its endpoint or inference provider setting changes (the model comes with each job), and the
 * offline one needs nothing.
 */
export const generationFromSettings = ({ settings, secrets, runJobs, fetch }: GenerationWiring): GenerationOptions => {
  const offline = createOfflineProvider();
  let huggingFace: { key: string; provider: ImageProvider } | null = null;
  const currentHuggingFace = (): ImageProvider => {
    const { inferenceProvider, endpointUrl } = settings.generation();
    const key = JSON.stringify([inferenceProvider, endpointUrl]);
    if (huggingFace?.key !== key) {
      huggingFace = {
        key,
        provider: createHuggingFaceProvider({ token: () => secrets.hfToken(), inferenceProvider, endpointUrl, ...(fetch && { fetch }) }),
      };
    }
    return huggingFace.provider;
  };
  return {
    runJobs,
    settings,
    providerFor: (kind) => (kind === 'huggingface' ? currentHuggingFace() : kind === 'offline' ? offline : null),
  };
};

/** The stored settings with some fields fixed for this process (the CLI's flags and AVATAR_CREATOR_* variables). */
export const withOverrides = (source: SettingsSource, overrides: Partial<GenerationSettings>): SettingsSource => ({
  generation: () => ({ ...source.generation(), ...overrides }),
});
