import { BrowserWindow, nativeTheme } from 'electron';

export interface MainWindowOptions {
  /** The built preload, `out/preload/index.cjs`: a sandboxed preload must be CommonJS. */
  preloadPath: string;
  /** `app://renderer/index.html`, or the electron-vite dev server in development. */
  url: string;
}

/** Matches the renderer's background so a slow first paint shows no white flash. */
/** The renderer's own page colours, so the first paint matches the theme instead of flashing. */
const BACKGROUND = { dark: '#0d0f13', light: '#f4f5f7' } as const;

export const createMainWindow = ({ preloadPath, url }: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    title: 'Avatar Creator',
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
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
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
};
