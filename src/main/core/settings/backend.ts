import type { Settings } from '../../../shared/settings';

/** What the settings service writes: the settings, and the schema version they follow. */
export interface StoredSettings {
  schemaVersion: number;
  settings: Settings;
}

/**
 * Where settings are kept. `read` returns whatever is stored, as found: the service migrates and
 * checks it, so a backend never has to trust or repair anything.
 */
export interface SettingsBackend {
  read(): unknown;
  write(value: StoredSettings): void;
  /** Another process (or a hand edit) changed the stored settings; may also fire after our own writes. */
  onExternalChange?(listener: () => void): () => void;
  /** Stops watching the store. */
  close?(): void;
}

/** Settings that live as long as the process: tests, and a library opened without a settings file. */
export const memoryBackend = (initial?: unknown): SettingsBackend & { readonly value: unknown } => {
  let value: unknown = initial === undefined ? undefined : structuredClone(initial);
  return {
    get value() {
      return value;
    },
    read: () => (value === undefined ? undefined : structuredClone(value)),
    write: (next) => {
      value = structuredClone(next);
    },
  };
};
