import { GENERATION_DEFAULTS, GENERATION_LIMITS } from '../../../shared/vocabulary';
import type { GenerationOptions } from '../library/openLibrary';
import { createHuggingFaceProvider } from './providers/huggingFace';
import { createOfflineProvider } from './providers/offlineProvider';
import { defaultSettings, type GenerationSettings } from './settings';

const clampConcurrency = (text: string | undefined): number | undefined => {
  const value = Number(text);
  if (!text || !Number.isInteger(value)) return undefined;
  return Math.min(GENERATION_LIMITS.concurrencyMax, Math.max(GENERATION_LIMITS.concurrencyMin, value));
};

/**
 * Generation for the shells until the settings issue stores settings and the token properly:
 * the token from HF_TOKEN, the rest from AVATAR_CREATOR_* variables, then explicit overrides
 * (the CLI's flags). The token is read per request and never copied anywhere else.
 * With no token the default provider is the offline one, so a fresh install can still make avatars;
 * either provider stays selectable per request.
 */
export const generationFromEnvironment = (
  env: NodeJS.ProcessEnv,
  { runJobs, overrides = {}, fetch }: { runJobs: boolean; overrides?: Partial<GenerationSettings>; fetch?: typeof globalThis.fetch },
): GenerationOptions => {
  const settings = defaultSettings({
    provider: env.HF_TOKEN?.trim() ? 'huggingface' : 'offline',
    endpointUrl: env.AVATAR_CREATOR_HF_ENDPOINT || null,
    model: env.AVATAR_CREATOR_MODEL || GENERATION_DEFAULTS.model,
    inferenceProvider: env.AVATAR_CREATOR_HF_PROVIDER || GENERATION_DEFAULTS.inferenceProvider,
    ...(clampConcurrency(env.AVATAR_CREATOR_CONCURRENCY) && { concurrency: clampConcurrency(env.AVATAR_CREATOR_CONCURRENCY) }),
    ...overrides,
  });
  const current = settings.generation();
  const offline = createOfflineProvider();
  return {
    runJobs,
    settings,
    providerFor: (kind) =>
      kind === 'huggingface'
        ? createHuggingFaceProvider({
            token: async () => env.HF_TOKEN ?? null,
            inferenceProvider: current.inferenceProvider,
            endpointUrl: current.endpointUrl,
            ...(fetch && { fetch }),
          })
        : kind === 'offline'
          ? offline
          : null,
  };
};
