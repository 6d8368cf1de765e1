import path from 'node:path';
import Store from 'electron-store';
import { CONFIG_NAME, SettingsService, confBackend, generationFromSettings, setAsideIfCorrupt, type GenerationOptions, type Logger, type TokenVault } from './core';
import { createElectronTokenVault } from './security/tokenVault';
import { createElectronSessionVault } from './security/sessionVault';
import type { SessionVault } from './core';

export interface DesktopSettings {
  settings: SettingsService;
  vault: TokenVault;
  /** The Lumiku session (sync), encrypted beside the token. */
  sessionVault: SessionVault;
  generation: GenerationOptions;
}

/**
 * The desktop app's settings and token, in one electron-store file (`<configDir>/config.json`):
 * the settings under `settings`, the token's ciphertext under `secrets`. The CLI and the web bridge
 * open the same file with conf, and `watch` brings their changes here while the app runs.
 * Call after `app` is ready: safeStorage answers only then.
 */
export const openDesktopSettings = ({ configDir, env, log }: { configDir: string; env: NodeJS.ProcessEnv; log: Logger }): DesktopSettings => {
  setAsideIfCorrupt(path.join(configDir, `${CONFIG_NAME}.json`), log);
  const store = new Store<Record<string, unknown>>({ cwd: configDir, name: CONFIG_NAME, watch: true });
  const vault = createElectronTokenVault({ store, env });
  const settings = new SettingsService({
    backend: confBackend(store, () => store._closeWatcher()),
    tokenIsSet: () => vault.status().storage !== 'none',
    log,
  });
  const generation = generationFromSettings({ settings, secrets: { hfToken: async () => vault.get() }, runJobs: true });
  return { settings, vault, sessionVault: createElectronSessionVault({ store }), generation };
};
