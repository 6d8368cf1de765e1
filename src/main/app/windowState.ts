import Store from 'electron-store';
import { BrowserWindow, screen } from 'electron';
import { parseWindowState, placeWindow, type WindowState } from './windowBounds';

const STATE_KEY = 'main';

/**
 * The main window's size, place and maximized state, kept between runs in its own small file
 * beside the settings (it is the app's memory, not a preference the other shells share).
 */
export const openWindowState = (configDir: string) => {
  const store = new Store<Record<string, unknown>>({ cwd: configDir, name: 'window-state', clearInvalidConfig: true });
  return {
    /** Where to open, checked against the screens attached now. */
    initial(): WindowState {
      return placeWindow(parseWindowState(store.get(STATE_KEY)), screen.getAllDisplays().map((display) => display.workArea));
    },
    /** Remembers the window's normal bounds (not the maximized ones) when it closes. */
    follow(window: BrowserWindow): void {
      window.on('close', () => {
        const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
        store.set(STATE_KEY, state);
      });
    },
  };
};
