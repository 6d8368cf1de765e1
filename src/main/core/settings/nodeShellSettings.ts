import os from 'node:os';
import { defaultConfigDir } from '../library/defaultLocation';
import type { Logger } from '../router/router';
import { createEnvironmentVault } from './environmentVault';
import { openNodeSettingsBackend } from './nodeBackend';
import { SettingsService } from './settingsService';
import type { TokenVault } from './tokenVault';

export interface ShellSettings {
  settings: SettingsService;
  vault: TokenVault;
}

const defaultLog: Logger = (message, error) => console.error(`[avatar-creator] ${message}`, error ?? '');

/**
 * The web bridge's and the CLI's settings and token: the desktop app's config.json (so all three
 * share one set of settings) and a vault of HF_TOKEN plus a token set for this session.
 */
export const openNodeShellSettings = async ({ env, watch, log = defaultLog }: { env: NodeJS.ProcessEnv; watch: boolean; log?: Logger }): Promise<ShellSettings> => {
  const vault = createEnvironmentVault({ env });
  const dir = defaultConfigDir({ platform: process.platform, env, home: os.homedir() });
  const backend = await openNodeSettingsBackend({ dir, watch, log });
  const settings = new SettingsService({ backend, tokenIsSet: () => vault.status().storage !== 'none', log });
  return { settings, vault };
};
