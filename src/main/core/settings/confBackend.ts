import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { Logger } from '../router/router';
import type { SettingsBackend } from './backend';

/** The keys of config.json the settings own; anything else in the file (the desktop app's `secrets`) is left alone. */
export const SETTINGS_KEYS = { version: 'schemaVersion', settings: 'settings' } as const;
export const CONFIG_NAME = 'config';

/** The part of conf that the backend uses; electron-store extends conf, so the desktop app passes its store. */
export interface ConfLike {
  readonly path: string;
  /** conf dispatches `change` after its own writes and, with `watch: true`, when the file changes on disk. */
  readonly events: EventTarget;
  get(key: string): unknown;
  set(object: Record<string, unknown>): void;
}

/**
 * Settings in a conf (or electron-store) file. Change notices come from conf's `events` rather than
 * `onDidAnyChange`, which re-reads the file inside the event and would throw out of it on a
 * half-edited file; the service re-reads with its own error handling instead.
 */
export const confBackend = (conf: ConfLike, close?: () => void): SettingsBackend => ({
  read: () => ({ schemaVersion: conf.get(SETTINGS_KEYS.version), settings: conf.get(SETTINGS_KEYS.settings) }),
  write: ({ schemaVersion, settings }) => conf.set({ [SETTINGS_KEYS.version]: schemaVersion, [SETTINGS_KEYS.settings]: settings }),
  onExternalChange: (listener) => {
    const onChange = (): void => listener();
    conf.events.addEventListener('change', onChange);
    return () => conf.events.removeEventListener('change', onChange);
  },
  ...(close && { close }),
});

/**
 * conf refuses to open a file that is not JSON. Rather than start without settings (or let conf
 * wipe the token beside them), the file is kept aside for the user and a fresh one is started.
 */
export const setAsideIfCorrupt = (file: string, log: Logger, now: () => number = Date.now): void => {
  if (!existsSync(file)) return;
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    const aside = `${file}.corrupt-${now()}`;
    try {
      renameSync(file, aside);
      log(`the settings file was not valid JSON; it was kept as ${aside} and the defaults are used`);
    } catch (error) {
      log('the settings file is not valid JSON and could not be moved aside', error);
    }
  }
};
