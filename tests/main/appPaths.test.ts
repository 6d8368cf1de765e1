import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, defaultConfigDir, defaultLibraryDir } from '../../src/main/core';
import { resolveAppPaths, type AppEnvironment } from '../../src/main/paths';

const project = path.join(path.sep, 'work', 'avatar-creator');
const resources = path.join(path.sep, 'opt', 'Avatar Creator', 'resources');
const userData = path.join(path.sep, 'home', 'ana', '.config', APP_DIR_NAME);

const dev: AppEnvironment = {
  isPackaged: false,
  appPath: project,
  resourcesPath: path.join(project, 'node_modules', 'electron', 'dist', 'resources'),
  userDataPath: userData,
  electronVersion: '41.10.0',
  env: {},
  platform: 'linux',
  arch: 'x64',
};
const packaged: AppEnvironment = { ...dev, isPackaged: true, appPath: path.join(resources, 'app.asar'), resourcesPath: resources };

describe('where the desktop app finds things', () => {
  it('uses the library the CLI uses by default', () => {
    const home = path.join(path.sep, 'home', 'ana');
    expect(resolveAppPaths(dev).libraryDir).toBe(defaultLibraryDir({ platform: 'linux', env: {}, home }));
  });

  it('honours AVATAR_CREATOR_LIBRARY like the CLI, but not when it is empty', () => {
    expect(resolveAppPaths({ ...dev, env: { AVATAR_CREATOR_LIBRARY: '/data/lib' } }).libraryDir).toBe('/data/lib');
    expect(resolveAppPaths({ ...dev, env: { AVATAR_CREATOR_LIBRARY: '' } }).libraryDir).toBe(path.join(userData, 'library'));
  });

  it('keeps config.json in userData, where the CLI and the web bridge look, unless AVATAR_CREATOR_CONFIG_DIR says otherwise', () => {
    const home = path.join(path.sep, 'home', 'ana');
    expect(resolveAppPaths(dev).configDir).toBe(userData);
    expect(resolveAppPaths(dev).configDir).toBe(defaultConfigDir({ platform: 'linux', env: {}, home }));
    expect(resolveAppPaths({ ...dev, env: { AVATAR_CREATOR_CONFIG_DIR: '/data/config' } }).configDir).toBe('/data/config');
    expect(defaultConfigDir({ platform: 'linux', env: { AVATAR_CREATOR_CONFIG_DIR: '/data/config' }, home })).toBe('/data/config');
    expect(resolveAppPaths({ ...dev, env: { AVATAR_CREATOR_CONFIG_DIR: '' } }).configDir).toBe(userData);
  });

  it('runs migrations from the project in development and from resources when packaged', () => {
    expect(resolveAppPaths(dev).migrationsFolder).toBe(path.join(project, 'drizzle'));
    expect(resolveAppPaths(packaged).migrationsFolder).toBe(path.join(resources, 'drizzle'));
  });

  it('loads the Electron build of better-sqlite3 in development and the rebuilt package copy when packaged', () => {
    expect(resolveAppPaths(dev).nativeBinding).toBe(path.join(project, '.native', 'electron-41.10.0-linux-x64', 'better_sqlite3.node'));
    expect(resolveAppPaths(packaged).nativeBinding).toBeUndefined();
  });

  it('loads the preload and renderer from the build output', () => {
    expect(resolveAppPaths(packaged).preloadPath).toBe(path.join(resources, 'app.asar', 'out', 'preload', 'index.cjs'));
    expect(resolveAppPaths(packaged).rendererDir).toBe(path.join(resources, 'app.asar', 'out', 'renderer'));
  });

  it('loads the renderer over app:// unless a dev server runs in development', () => {
    expect(resolveAppPaths(dev).appUrl).toBe('app://renderer/index.html');
    const withDevServer = resolveAppPaths({ ...dev, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    expect(withDevServer.appUrl).toBe('http://localhost:5173');
    expect(withDevServer.devServerUrl).toBe('http://localhost:5173');
  });

  it('never loads a URL from the environment in a packaged app', () => {
    const hijacked = resolveAppPaths({ ...packaged, env: { ELECTRON_RENDERER_URL: 'https://evil.com' } });
    expect(hijacked.appUrl).toBe('app://renderer/index.html');
    expect(hijacked.devServerUrl).toBeUndefined();
  });
});
