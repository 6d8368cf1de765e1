import path from 'node:path';
import type { Logger } from '../router/router';
import type { SettingsBackend } from './backend';
import { CONFIG_NAME, confBackend, setAsideIfCorrupt } from './confBackend';

export interface NodeSettingsOptions {
  /** The folder of config.json: the desktop app's userData folder, so every shell shares one file. */
  dir: string;
  /** Follow changes other processes make (the web bridge does; a one-shot CLI call need not). */
  watch?: boolean;
  log: Logger;
}

/**
 * Settings for the Node shells (web bridge, CLI) and tests, with conf: the very library
 * electron-store wraps, so the file format, the atomic writes and the watching are the app's own.
 * conf (with ajv) takes a noticeable part of a CLI call to load, so it is loaded only when a
 * command needs settings, never for `--help` or a usage error.
 */
export const openNodeSettingsBackend = async ({ dir, watch = false, log }: NodeSettingsOptions): Promise<SettingsBackend> => {
  const { default: Conf } = await import('conf');
  setAsideIfCorrupt(path.join(dir, `${CONFIG_NAME}.json`), log);
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: CONFIG_NAME, watch });
  return confBackend(conf, () => conf._closeWatcher());
};
