import { BrowserWindow, nativeTheme } from 'electron';
import { MIN_SIZE, type WindowState } from './app/windowBounds';

export interface MainWindowOptions {
  /** The built preload, `out/preload/index.cjs`: a sandboxed preload must be CommonJS. */
  preloadPath: string;
  /** `app://renderer/index.html`, or the electron-vite dev server in development. */
  url: string;
  /** Where it was last time (see windowBounds.ts). */
  state: WindowState;
}

/** The renderer's own page colours, so the first paint matches the theme instead of flashing. */
const BACKGROUND = { dark: '#0d0f13', light: '#f4f5f7' } as const;

export const createMainWindow = ({ preloadPath, url, state }: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    title: 'Avatar Creator',
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(url);
  return window;
};
