import { GENERATION_LIMITS } from '../../../shared/vocabulary';
import type { GenerationOptions } from '../library/openLibrary';
import { memoryBackend } from '../settings/backend';
import { createEnvironmentVault } from '../settings/environmentVault';
import { generationFromSettings, withOverrides } from '../settings/generationOptions';
import { SettingsService } from '../settings/settingsService';
import type { GenerationSettings } from './settings';

const clampConcurrency = (text: string | undefined): number | undefined => {
  const value = Number(text);
  if (!text || !Number.isInteger(value)) return undefined;
  return Math.min(GENERATION_LIMITS.concurrencyMax, Math.max(GENERATION_LIMITS.concurrencyMin, value));
};

/**
 * The CLI's AVATAR_CREATOR_* variables: they override the saved settings for one process (scripts,
 * CI, tests against a fake endpoint), below the CLI's own flags. The app and the web bridge follow
 * the saved settings, which their Settings screen shows.
 */
export const environmentOverrides = (env: NodeJS.ProcessEnv): Partial<GenerationSettings> => {
  const concurrency = clampConcurrency(env.AVATAR_CREATOR_CONCURRENCY);
  return {
    ...(env.AVATAR_CREATOR_HF_ENDPOINT && { endpointUrl: env.AVATAR_CREATOR_HF_ENDPOINT }),
    ...(env.AVATAR_CREATOR_MODEL && { model: env.AVATAR_CREATOR_MODEL }),
    ...(env.AVATAR_CREATOR_HF_PROVIDER && { inferenceProvider: env.AVATAR_CREATOR_HF_PROVIDER }),
    ...(concurrency !== undefined && { concurrency }),
  };
};

/**
 * Generation from the environment alone, with no settings file: the token from HF_TOKEN (read per
 * request), the rest from the defaults, AVATAR_CREATOR_* and explicit overrides. For tests and
 * scripts; the shells use their stored settings and vault (generationFromSettings).
 * With no token the default provider is the offline one; either stays selectable per request.
 */
export const generationFromEnvironment = (
  env: NodeJS.ProcessEnv,
  { runJobs, overrides = {}, fetch }: { runJobs: boolean; overrides?: Partial<GenerationSettings>; fetch?: typeof globalThis.fetch },
): GenerationOptions => {
  const vault = createEnvironmentVault({ env });
  const stored = new SettingsService({ backend: memoryBackend(), tokenIsSet: () => vault.status().storage !== 'none' });
  const generation = generationFromSettings({
    settings: withOverrides(stored, { ...environmentOverrides(env), ...overrides }),
    secrets: { hfToken: async () => vault.get() },
    runJobs,
    ...(fetch && { fetch }),
  });
  // The library's token commands then report (and set) the very token these jobs use.
  return { ...generation, vault };
};
