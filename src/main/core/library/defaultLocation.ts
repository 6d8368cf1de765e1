import os from 'node:os';
import path from 'node:path';

/** Must match the Electron shell's `app.setName`, so the app and the CLI find the same library. */
export const APP_DIR_NAME = 'Avatar Creator';
export const LIBRARY_DIR_NAME = 'library';

interface Environment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** Electron's `app.getPath('appData')`, computed without Electron. */
const appDataDir = ({ platform, env, home }: Environment): string => {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
};

/** A non-empty `AVATAR_CREATOR_LIBRARY` wins; otherwise `<userData>/library`, the same folder the desktop app uses. */
export const defaultLibraryDir = (
  environment: Environment = { platform: process.platform, env: process.env, home: os.homedir() },
): string => environment.env.AVATAR_CREATOR_LIBRARY || path.join(appDataDir(environment), APP_DIR_NAME, LIBRARY_DIR_NAME);

/**
 * Where settings live (`config.json`): a non-empty `AVATAR_CREATOR_CONFIG_DIR` wins; otherwise the
 * app's userData folder itself, where the desktop app's electron-store writes, so every shell shares them.
 */
export const defaultConfigDir = (
  environment: Environment = { platform: process.platform, env: process.env, home: os.homedir() },
): string => environment.env.AVATAR_CREATOR_CONFIG_DIR || path.join(appDataDir(environment), APP_DIR_NAME);

/** The log folder of the web bridge and the CLI: a non-empty `AVATAR_CREATOR_LOG_DIR`, else `<userData>/logs` (the app uses Electron's own logs folder). */
export const defaultLogDir = (
  environment: Environment = { platform: process.platform, env: process.env, home: os.homedir() },
): string => environment.env.AVATAR_CREATOR_LOG_DIR || path.join(appDataDir(environment), APP_DIR_NAME, 'logs');

/** Which library a shell opens: `--library`, then `AVATAR_CREATOR_LIBRARY`, then where it was moved to (the settings), then the default. */
export const chooseLibraryDir = (
  flag: string | undefined,
  moved: string | null,
  environment: Environment = { platform: process.platform, env: process.env, home: os.homedir() },
): string => flag ?? (environment.env.AVATAR_CREATOR_LIBRARY || moved || defaultLibraryDir(environment));
