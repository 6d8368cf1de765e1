import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { ErrorCode } from '../shared/errors';
import { APP_DIR_NAME, createAppLog, openLibrary, vaultSecrets, type AppLog, type Library, type Router } from './core';
import { createLibraryMover } from './libraryMove';
import { forwardEvents, registerCommandHandler } from './ipc';
import { resolveAppPaths, type AppPaths } from './paths';
import { handleAppProtocol, handleImageProtocol, registerPrivilegedSchemes } from './protocols';
import { hardenWebContents } from './security/hardenWebContents';
import { contentSecurityPolicy } from './security/policies';
import { openDesktopSettings, type DesktopSettings } from './settingsStore';
import { showQueueProgress } from './taskbarProgress';
import { createMainWindow } from './window';
import { installAppMenu } from './app/appMenu';
import { openWindowState } from './app/windowState';

// The name decides userData, which holds the library: it must be the folder the CLI looks in
// (core's APP_DIR_NAME), also in development where package.json's name would differ.
app.setName(APP_DIR_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));
app.enableSandbox();
registerPrivilegedSchemes();

const paths: AppPaths = resolveAppPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  userDataPath: app.getPath('userData'),
  electronVersion: process.versions.electron,
  env: process.env,
});

// Every web contents, including any created later, gets the same rules before it loads anything.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, paths));

let library: Library | null = null;
let desktopSettings: DesktopSettings | null = null;
let appLog: AppLog = createAppLog({ dir: app.getPath('logs'), console: !app.isPackaged });
const log = (message: string, error?: unknown): void => appLog.error(message, error);
/** For the app's lifetime (IPC, protocols); `libraryCleanups` for one open library, which a move replaces. */
const cleanups: (() => void)[] = [];
const libraryCleanups: (() => void)[] = [];

let windowState: ReturnType<typeof openWindowState> | null = null;

const openMainWindow = (): void => {
  windowState ??= openWindowState(paths.configDir);
  windowState.follow(createMainWindow({ preloadPath: paths.preloadPath, url: paths.appUrl, state: windowState.initial() }));
};

/** A second launch (a double click, a file manager) brings this window forward instead of opening the library twice. */
const focusMainWindow = (): void => {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return openMainWindow();
  if (window.isMinimized()) window.restore();
  window.focus();
};

const openSettings = (): DesktopSettings => {
  desktopSettings ??= openDesktopSettings({ configDir: paths.configDir, env: process.env, log });
  // Now that the vault is open, the log can cut the user's own token out too, whatever its shape.
  appLog = createAppLog({ dir: app.getPath('logs'), console: !app.isPackaged, secrets: vaultSecrets(desktopSettings.vault) });
  return desktopSettings;
};

/** `AVATAR_CREATOR_LIBRARY`, else where the user moved it, else userData/library. */
const libraryDir = (settings: DesktopSettings['settings']): string => process.env.AVATAR_CREATOR_LIBRARY || settings.get().libraryLocation || paths.libraryDir;

const openAppLibrary = async (): Promise<void> => {
  if (paths.nativeBinding && !existsSync(paths.nativeBinding)) {
    throw new Error(
      `better-sqlite3 has not been built for Electron ${process.versions.electron} yet (${paths.nativeBinding}).\n` +
        'Start the app with `npm start`, which builds it, or run `node scripts/native-electron.mjs`.',
    );
  }
  const { settings, vault, sessionVault, generation } = openSettings();
  const opened = await openLibrary({
    log: appLog.error,
    recentErrors: appLog.recentErrors,
    about: { appVersion: app.getVersion(), shell: 'electron' },
    dir: libraryDir(settings),
    migrationsFolder: paths.migrationsFolder,
    nativeBinding: paths.nativeBinding,
    watch: true,
    settings,
    vault,
    generation,
    // The app relays the sync outbox to Lumiku (one process at a time holds the lease).
    sync: { relay: true, vault: sessionVault },
  });
  library = opened;
  libraryCleanups.push(forwardEvents(opened.events, paths.devServerUrl), showQueueProgress(opened.events));
};

/** Running generations go back to the queue before the database closes; they resume at the next start. */
const closeAppLibrary = async (): Promise<void> => {
  for (const cleanup of libraryCleanups.splice(0)) cleanup();
  const closing = library;
  library = null;
  await closing?.close();
};

/** IPC and the image protocol reach whichever library is open; during a move, none is. */
const currentRouter: Router = {
  invoke: (command, input, context) =>
    library
      ? library.router.invoke(command, input, context)
      : Promise.resolve({ ok: false, error: { code: ErrorCode.INVALID_STATE, message: 'The library is being moved; try again in a moment.' } }),
};

const moveLibrary = createLibraryMover({
  currentDir: () => library?.dir ?? libraryDir(openSettings().settings),
  nativeBinding: paths.nativeBinding,
  chooseFolder: async () => {
    const window = BrowserWindow.getFocusedWindow();
    const options = { title: 'Move the library to…', buttonLabel: 'Move here', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  },
  closeLibrary: closeAppLibrary,
  reopenLibrary: openAppLibrary,
  rememberLocation: (dir) => openSettings().settings.setLibraryLocation(dir),
  // After the answer is on its way to the window, which says the app restarts.
  restart: () =>
    setTimeout(() => {
      app.relaunch();
      app.exit(0);
    }, 800),
});

const start = async (): Promise<void> => {
  installAppMenu();
  await openAppLibrary();
  handleAppProtocol(paths.rendererDir, contentSecurityPolicy(paths.devServerUrl));
  handleImageProtocol({ resolveImage: (rawPath) => (library ? library.resolveImage(rawPath) : Promise.resolve(null)) });
  cleanups.push(registerCommandHandler(currentRouter, paths.devServerUrl, { moveLibrary }));
  openMainWindow();
};

const closeLibrary = async (): Promise<void> => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await closeAppLibrary();
  desktopSettings?.settings.close();
  desktopSettings = null;
};

// One app per user: a second one would run its own queue and pool on the same library.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();
app.on('second-instance', focusMainWindow);

app
  .whenReady()
  .then(() => (isFirstInstance ? start() : undefined))
  .catch((error: unknown) => {
    log('start-up failed', error);
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Avatar Creator could not open its library', `${paths.libraryDir}\n\n${detail}`);
    void closeLibrary().finally(() => app.exit(1));
  });

app.on('activate', () => {
  // macOS keeps the app running without windows; clicking the dock icon brings one back.
  if (library && BrowserWindow.getAllWindows().length === 0) openMainWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!library) return;
  event.preventDefault();
  void closeLibrary().finally(() => app.quit());
});
