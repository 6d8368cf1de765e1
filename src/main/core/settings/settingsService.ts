import { isDeepStrictEqual } from 'node:util';
import { AppError, ErrorCode } from '../../../shared/errors';
import { settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { GenerationSettings, SettingsSource } from '../generation/settings';
import type { Logger } from '../router/router';
import type { SettingsBackend } from './backend';
import { mergePatch } from './mergePatch';
import { SETTINGS_MIGRATIONS, latestVersion, migrateSettings, type SettingsMigration } from './migrations';
import { repairSettings } from './repair';
import { checkGenerationSettings, issuesOf, validationFailed } from './settingsChecks';

export interface SettingsServiceOptions {
  backend: SettingsBackend;
  /** Whether a token is available (any storage): without one, generation defaults to the offline provider. */
  tokenIsSet?: () => boolean;
  log?: Logger;
  /** The built-in list unless a test brings its own. */
  migrations?: readonly SettingsMigration[];
}

export type SettingsListener = (settings: Settings) => void;

const defaultLog: Logger = (message, error) => console.error(`[avatar-creator] ${message}`, error ?? '');

/**
 * The user's settings: loaded once (migrated, then checked field by field), kept in memory so
 * generation reads them live at no cost, and re-read when another process changes the store.
 * Listeners hear every change, ours or theirs; the library turns that into `settings.changed`.
 */
export class SettingsService implements SettingsSource {
  private current: Settings;
  /** The schemaVersion written back: never lower than a newer app left in the file. */
  private version: number;
  private readonly listeners = new Set<SettingsListener>();
  private readonly stopWatching: () => void;
  private readonly log: Logger;
  private readonly migrations: readonly SettingsMigration[];
  /** conf announces our own writes as changes too, synchronously; the save notifies by itself. */
  private writing = false;

  constructor(private readonly options: SettingsServiceOptions) {
    this.log = options.log ?? defaultLog;
    this.migrations = options.migrations ?? SETTINGS_MIGRATIONS;
    this.version = latestVersion(this.migrations);
    this.current = this.load(true);
    this.stopWatching = options.backend.onExternalChange?.(() => this.reloadFromStore()) ?? (() => {});
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /**
   * The effective generation settings. Until a token is set the default provider is the offline
   * one, whatever is stored, so a fresh install still makes avatars; a request may still name either.
   */
  generation(): GenerationSettings & Settings['generation'] {
    const stored = this.current.generation;
    const tokenIsSet = this.options.tokenIsSet?.() ?? false;
    return { ...stored, provider: tokenIsSet ? stored.provider : 'offline' };
  }

  /** Merges the patch over the freshest stored settings, checks the whole, saves, then tells listeners. */
  update(patch: SettingsPatch): Settings {
    const parsedPatch = settingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) throw validationFailed(issuesOf(parsedPatch.error));
    // Another process may have saved since we last heard: merge over what is stored, not our copy.
    return this.commit(mergePatch(this.load(false), parsedPatch.data));
  }

  /** Only moving the library sets this: it says where the data is, it is not a preference. */
  setLibraryLocation(dir: string | null): Settings {
    return this.commit({ ...this.load(false), libraryLocation: dir });
  }

  private commit(next: unknown): Settings {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw validationFailed(issuesOf(parsed.error));
    const semantic = checkGenerationSettings(parsed.data);
    if (semantic.length > 0) throw validationFailed(semantic);
    try {
      this.writing = true;
      this.options.backend.write({ schemaVersion: this.version, settings: parsed.data });
    } catch (error) {
      this.log('settings could not be saved', error);
      throw new AppError(ErrorCode.STORAGE_FAILED, 'The settings could not be saved; check that the disk is writable and not full.');
    } finally {
      this.writing = false;
    }
    this.adopt(parsed.data, true);
    return this.get();
  }

  subscribe(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopWatching();
    this.listeners.clear();
    this.options.backend.close?.();
  }

  /**
   * Reads, migrates and repairs what is stored. At start-up a migrated document is written back,
   * so the next start (and other processes) see the current version; a repaired field is not:
   * the user's own value stays in the file until the next save replaces it.
   */
  private load(atStartup: boolean): Settings {
    let stored: unknown;
    try {
      stored = this.options.backend.read();
    } catch (error) {
      this.log('settings could not be read; using the ones in memory', error);
      return this.current ?? repairSettings(undefined).settings;
    }
    let migrated: ReturnType<typeof migrateSettings>;
    try {
      migrated = migrateSettings(stored, this.migrations);
    } catch (error) {
      this.log('settings could not be migrated; using the defaults until they are saved again', error);
      return repairSettings(undefined).settings;
    }
    this.version = migrated.version;
    if (migrated.from > latestVersion(this.migrations) && atStartup) {
      this.log(`settings were saved by a newer version (schema ${migrated.from}); fields this version does not know are ignored`);
    }
    const { settings, problems } = repairSettings(migrated.settings);
    if (problems.length > 0 && atStartup) this.log(`stored settings repaired: ${problems.join('; ')}`);
    if (atStartup && migrated.applied.length > 0 && !migrated.empty) this.writeMigrated(settings, migrated.applied);
    return settings;
  }

  private writeMigrated(settings: Settings, applied: number[]): void {
    try {
      this.options.backend.write({ schemaVersion: this.version, settings });
      this.log(`settings migrated to schema ${this.version} (${applied.join(', ')})`);
    } catch (error) {
      this.log('migrated settings could not be saved; they are migrated again at the next start', error);
    }
  }

  private reloadFromStore(): void {
    if (this.writing) return;
    this.adopt(this.load(false), false);
  }

  /** Our own save always notifies; a change heard from the store only when it changes something. */
  private adopt(next: Settings, force: boolean): void {
    if (!force && isDeepStrictEqual(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) {
      try {
        listener(this.get());
      } catch (error) {
        this.log('a settings listener failed', error);
      }
    }
  }
}
