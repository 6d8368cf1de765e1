import path from 'node:path';
import { LIBRARY_DIR_NAME } from './core';
import { APP_ENTRY_URL } from './security/policies';

/** What the shell needs to know about where it runs; plain data so the rules are testable in Node. */
export interface AppEnvironment {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in development, `resources/app.asar` when packaged. */
  appPath: string;
  resourcesPath: string;
  userDataPath: string;
  electronVersion: string;
  env: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
}

export interface AppPaths {
  libraryDir: string;
  /** config.json (settings and the encrypted token): userData itself, where the CLI and the web bridge look too. */
  configDir: string;
  migrationsFolder: string;
  /** better-sqlite3 built for Electron in development; undefined when packaged (electron-builder rebuilt it in place). */
  nativeBinding: string | undefined;
  rendererDir: string;
  preloadPath: string;
  /** Set only in development: a packaged app never loads code from a URL an environment variable names. */
  devServerUrl: string | undefined;
  appUrl: string;
}

/**
 * Where scripts/native-electron.mjs puts better-sqlite3 built for this Electron. node_modules
 * keeps the Node build that tests and the CLI load. Must match `nativeBindingTarget` in that
 * script; a test checks they agree.
 */
export const electronNativeBindingPath = (
  projectRoot: string,
  electronVersion: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string => path.join(projectRoot, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');

export const resolveAppPaths = (environment: AppEnvironment): AppPaths => {
  const { isPackaged, appPath, resourcesPath, userDataPath, electronVersion, env } = environment;
  const devServerUrl = !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : undefined;
  return {
    // The same override the CLI and the web bridge honour (core's defaultLibraryDir).
    libraryDir: env.AVATAR_CREATOR_LIBRARY || path.join(userDataPath, LIBRARY_DIR_NAME),
    // The same override the CLI and the web bridge honour (core's defaultConfigDir).
    configDir: env.AVATAR_CREATOR_CONFIG_DIR || userDataPath,
    // Shipped beside app.asar by electron-builder's extraResources: migrations are read as plain files.
    migrationsFolder: isPackaged ? path.join(resourcesPath, 'drizzle') : path.join(appPath, 'drizzle'),
    nativeBinding: isPackaged ? undefined : electronNativeBindingPath(appPath, electronVersion, environment.platform, environment.arch),
    rendererDir: path.join(appPath, 'out', 'renderer'),
    preloadPath: path.join(appPath, 'out', 'preload', 'index.cjs'),
    devServerUrl,
    appUrl: devServerUrl ?? APP_ENTRY_URL,
  };
};
