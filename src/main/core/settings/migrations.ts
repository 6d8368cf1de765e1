import { LUMIKU_SERVER_URL } from '../../../shared/settings';

/**
 * The stored settings' own migrations, independent of the app's version: each one turns the
 * settings object of `version - 1` into that of `version`, and `schemaVersion` beside the settings
 * says how far a file has come. Add one whenever a stored field is renamed, moved or re-typed;
 * new fields need none (a missing field takes its default).
 */
export interface SettingsMigration {
  /** The schemaVersion this migration produces. */
  version: number;
  description: string;
  up(settings: Record<string, unknown>): Record<string, unknown>;
}

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    version: 1,
    // Files from before versioning (or an empty electron-store file) hold anything or nothing:
    // from here on `settings` is always an object, checked field by field when it is loaded.
    description: 'initial: settings are one object beside schemaVersion',
    up: (settings) => (isPlainObject(settings) ? settings : {}),
  },
  {
    version: 2,
    // Sync (issue #6) brings a section of its own; a stored file gets it with the production server,
    // and a stray non-object value under `sync` (hand-edited) gives way to it.
    description: 'sync: { serverUrl } section, the Lumiku production URL by default',
    up: (settings) => ({ ...settings, sync: { serverUrl: LUMIKU_SERVER_URL, ...(isPlainObject(settings.sync) ? settings.sync : {}) } }),
  },
];

export const latestVersion = (migrations: readonly SettingsMigration[]): number =>
  migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);

export interface MigratedSettings {
  /** The version the stored document said it had (0 when it said nothing). */
  from: number;
  /** The version the settings follow now: never lower than `from` (a newer app may have written them). */
  version: number;
  settings: unknown;
  /** The versions migrated through, in order. */
  applied: number[];
  /** Nothing was stored at all. */
  empty: boolean;
}

const storedVersion = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;

/** Runs every migration newer than the stored version, in order. A migration that throws stops it all. */
export const migrateSettings = (stored: unknown, migrations: readonly SettingsMigration[]): MigratedSettings => {
  const document = isPlainObject(stored) ? stored : {};
  const from = storedVersion(document.schemaVersion);
  const empty = document.schemaVersion === undefined && document.settings === undefined;
  let settings: unknown = document.settings;
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from) continue;
    // Each step sees an object, so a migration never has to guard against a corrupt file itself.
    settings = migration.up(isPlainObject(settings) ? structuredClone(settings) : {});
    applied.push(migration.version);
  }
  return { from, version: Math.max(from, latestVersion(migrations)), settings, applied, empty };
};
