import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AvatarService } from '../avatars/avatarService';
import type { CircuitOptions } from '../generation/circuitBreaker';
import { GenerationService } from '../generation/generationService';
import { JobStore } from '../generation/jobStore';
import { currentOwner } from '../generation/ownerIdentity';
import { GenerationPool } from '../generation/pool';
import type { ImageProvider } from '../generation/provider';
import type { SettingsSource } from '../generation/settings';
import { findImageFormat } from '../avatars/avatarQueries';
import { openDatabase } from '../db/open';
import { EventBus } from '../events/eventBus';
import { resolveImageRequest, type ResolvedImage } from '../images/imageRequest';
import { ImageStore } from '../images/imageStore';
import { ProjectService } from '../projects/projectService';
import { AvatarSearch } from '../avatars/avatarSearch';
import { PresetService } from '../presets/presetService';
import { avatarHandlers } from '../router/avatarHandlers';
import { presetHandlers, searchAndUsageHandlers } from '../router/libraryHandlers';
import { StatsService } from '../usage/statsService';
import { UsageService } from '../usage/usageService';
import { generationHandlers } from '../router/generationHandlers';
import { ReferenceStore } from '../images/referenceStore';
import { desktopHandlers } from '../router/desktopHandlers';
import { settingsHandlers } from '../router/settingsHandlers';
import { creditHandlers } from '../router/creditHandlers';
import { diagnosticsHandlers } from '../router/diagnosticsHandlers';
import { syncHandlers } from '../router/syncHandlers';
import { createMemorySessionVault, type SessionVault } from '../sync/sessionVault';
import { SyncEngine, type SyncEngineOptions } from '../sync/syncEngine';
import type { RecentError } from '../logging/appLog';
import { CreditBook, type CreditSettings } from '../credits/creditBook';
import { projectHandlers } from '../router/projectHandlers';
import { createRouter, type Logger, type Router } from '../router/router';
import { memoryBackend } from '../settings/backend';
import { createEnvironmentVault } from '../settings/environmentVault';
import { followSettings } from '../settings/followSettings';
import { SettingsService } from '../settings/settingsService';
import { TokenService } from '../settings/tokenService';
import type { TokenVault } from '../settings/tokenVault';
import { ChangeFeed } from './changeFeed';
import type { LibraryContext } from './context';
import { sweepOrphans, type SweepReport } from './sweepOrphans';
import { watchForeignChanges } from './watchForeignChanges';

export const DB_FILE_NAME = 'library.db';

export interface GenerationOptions {
  /** The provider for a job's `provider` kind, built from current settings; null when unknown. */
  providerFor(kind: string): ImageProvider | null;
  settings?: SettingsSource;
  /**
   * Where generation takes the token from, when it comes with the options (generationFromEnvironment):
   * token.status and token.set then see that same token, unless LibraryOptions.vault names another.
   */
  vault?: TokenVault;
  /** Run queued jobs in this process (the app, the bridge, `avatar-creator generate`); others only queue them. */
  runJobs: boolean;
  leaseMs?: number;
  progressIntervalMs?: number;
  retry?: { baseMs: number; capMs: number };
  circuit?: CircuitOptions;
}

export interface LibraryOptions {
  dir: string;
  migrationsFolder: string;
  nativeBinding?: string;
  /** Follow changes other processes make to this library (the app and the web bridge do; a one-shot CLI does not). */
  watch?: boolean;
  /** Make files and rows agree at open (the app and the bridge do; each short CLI call need not). */
  sweepOnOpen?: boolean;
  /** Orphan files younger than this survive the start-up sweep; see SweepOptions. */
  orphanGraceMs?: number;
  now?: () => number;
  log?: Logger;
  /** The user's settings (the shells open config.json); default: the documented defaults, in memory. */
  settings?: SettingsService;
  /** Where the Hugging Face token is kept; default: an empty vault in memory (tests never see a real token). */
  vault?: TokenVault;
  /** How token.verify reaches huggingface.co; tests send it to the fake Hub. */
  hubFetch?: typeof fetch;
  generation?: GenerationOptions;
  /** For diagnostics: which build and shell this is, and the log's latest errors. */
  about?: { appVersion: string; shell: string };
  recentErrors?: () => RecentError[];
  /** The spending guard's costs and limits, read live (the settings); the cloud's defaults otherwise. */
  credits?: () => CreditSettings;
  /** Lumiku sync (issue #6). Off by default: no relay, a memory session; the outbox triggers still follow opted-in projects. */
  sync?: LibrarySyncOptions;
}

export interface LibrarySyncOptions {
  /** Run the relay in this process (the app and the web bridge; the CLI relays only for `sync now`). */
  relay?: boolean;
  /** Where the Lumiku session is kept; default: memory (plus LUMIKU_SESSION when `env` is given). */
  vault?: SessionVault;
  fetch?: typeof fetch;
  /** Overrides the sync.serverUrl setting (tests). */
  serverUrl?: string;
  limits?: SyncEngineOptions['limits'];
  pollMs?: number;
  backoff?: SyncEngineOptions['backoff'];
  leaseMs?: number;
  now?: () => number;
}

export interface Library {
  dir: string;
  router: Router;
  events: EventBus;
  sync: SyncEngine;
  images: ImageStore;
  startupSweep: SweepReport;
  resolveImage(rawPath: string): Promise<ResolvedImage | null>;
  sweepOrphans(minFileAgeMs: number): Promise<SweepReport>;
  /** Stops the generation pool (running jobs go back to the queue) and closes the database. */
  close(): Promise<void>;
}

const DEFAULT_ORPHAN_GRACE_MS = 10 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

const defaultLog: Logger = (message, error) => console.error(`[avatar-creator] ${message}`, error ?? '');

/** Opens (creating and migrating as needed) the library in `dir`, ready for any shell. */
export const openLibrary = async (options: LibraryOptions): Promise<Library> => {
  const dir = path.resolve(options.dir);
  const now = options.now ?? Date.now;
  const log = options.log ?? defaultLog;
  mkdirSync(dir, { recursive: true });
  const { sqlite, db } = openDatabase({
    file: path.join(dir, DB_FILE_NAME),
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  });
  const events = new EventBus();
  const images = new ImageStore(dir);
  await images.ensureDirs();
  const feed = new ChangeFeed(db, `pid:${process.pid}`, (event) => events.emit(event), now);
  const ctx: LibraryContext = { db, images, references: new ReferenceStore(dir), feed, now };

  const projects = new ProjectService(ctx);
  const vault = options.vault ?? options.generation?.vault ?? createEnvironmentVault({ env: {} });
  const tokens = new TokenService({ vault, emit: (event) => events.emit(event), ...(options.hubFetch && { fetch: options.hubFetch }), now });
  const settingsService = options.settings ?? new SettingsService({ backend: memoryBackend(), tokenIsSet: () => tokens.isSet(), log });
  // What generation reads: the stored settings, unless a caller (the CLI's overrides, a test) brings its own.
  const settings = options.generation?.settings ?? settingsService;
  const jobs = new JobStore(ctx);
  const pool = new GenerationPool({
    ctx,
    store: jobs,
    owner: currentOwner(),
    providerFor: options.generation?.providerFor ?? (() => null),
    concurrency: settings.generation().concurrency,
    emit: (event) => events.emit(event),
    log,
    ...(options.generation && {
      leaseMs: options.generation.leaseMs,
      progressIntervalMs: options.generation.progressIntervalMs,
      retry: options.generation.retry,
      circuit: options.generation.circuit,
    }),
  });
  const credits = new CreditBook(ctx, options.credits ?? (() => settingsService.get().credits));
  feed.describeCredits(() => credits.summary());
  const avatars = new AvatarService(ctx, credits);
  const generations = new GenerationService(ctx, jobs, pool, settings, credits);
  const presets = new PresetService(ctx, generations);
  const stats = new StatsService(ctx);
  const usage = new UsageService(ctx);
  const sync = new SyncEngine({
    sqlite,
    images,
    libraryDir: dir,
    vault: options.sync?.vault ?? createMemorySessionVault(),
    serverUrl: () => options.sync?.serverUrl ?? settingsService.get().sync.serverUrl,
    setServerUrl: (serverUrl) => {
      if (!options.sync?.serverUrl) settingsService.update({ sync: { serverUrl } });
    },
    fetch: options.sync?.fetch,
    now: options.sync?.now ?? now,
    relay: options.sync?.relay ?? false,
    limits: options.sync?.limits,
    pollMs: options.sync?.pollMs,
    backoff: options.sync?.backoff,
    leaseMs: options.sync?.leaseMs,
    // Through the change feed, so every process on the library emits sync.changed.
    changed: () => {
      if (!sqlite.open) return;
      feed.record(db, [{ entity: 'sync', entityId: 'status', kind: 'changed', projectId: null }]);
      feed.flush();
    },
    log,
  });
  feed.describeSync(() => sync.status());
  const router = createRouter(
    {
      ...projectHandlers(projects),
      ...avatarHandlers(avatars),
      ...generationHandlers(generations),
      ...searchAndUsageHandlers(new AvatarSearch(ctx), usage, stats),
      ...presetHandlers(presets),
      ...desktopHandlers({ images, usage, formatOf: (id) => findImageFormat(db, id) }),
      ...settingsHandlers(settingsService, tokens),
      ...creditHandlers(credits),
      ...syncHandlers(sync),
      ...diagnosticsHandlers({
        appVersion: options.about?.appVersion ?? 'unknown',
        shell: options.about?.shell ?? 'unknown',
        libraryDir: dir,
        counts: () => {
          const { projects: projectCount, avatars: avatarCount } = stats.get();
          return { projects: projectCount, avatars: avatarCount };
        },
        settings: () => settingsService.get(),
        token: () => tokens.status(),
        queue: () => generations.queueStatus(),
        recentErrors: options.recentErrors ?? (() => []),
        now,
      }),
    },
    log,
  );
  // The pool follows job changes from every process: new work wakes it, a cancel aborts the run.
  events.subscribe((event) => {
    if (event.name === 'generation.changed') pool.onGenerationChanged(event.payload.generation.id, event.payload.generation.status);
    // Local edits (this process or another) may have written the outbox.
    if (event.name === 'avatar.changed' || event.name === 'avatar.deleted' || event.name === 'project.changed' || event.name === 'project.deleted') sync.wake();
  });

  const stopFollowingSettings = followSettings(settingsService, {
    emit: (event) => events.emit(event),
    generation: settings,
    setConcurrency: (concurrency) => pool.setConcurrency(concurrency),
  });

  const startupSweep =
    options.sweepOnOpen === false
      ? { removedFiles: 0, removedRows: 0, removedReferences: 0 }
      : await sweepOrphans(ctx, { minFileAgeMs: options.orphanGraceMs ?? DEFAULT_ORPHAN_GRACE_MS });
  feed.prune();
  const stopWatching = options.watch ? watchForeignChanges(dir, DB_FILE_NAME, sqlite, () => feed.flush()) : () => {};
  const pruneTimer = setInterval(() => feed.prune(), PRUNE_EVERY_MS);
  pruneTimer.unref();
  if (options.generation?.runJobs) pool.start();
  sync.start();

  let closing: Promise<void> | null = null;
  return {
    dir,
    router,
    events,
    sync,
    images,
    startupSweep,
    resolveImage: (rawPath) => resolveImageRequest(images, rawPath, (id) => findImageFormat(db, id)),
    sweepOrphans: (minFileAgeMs) => sweepOrphans(ctx, { minFileAgeMs }),
    close: async () => {
      // A second close (a test's dispose after the test closed it) must not touch a closed database.
      if (closing) return closing;
      closing = (async () => {
        stopFollowingSettings();
        stopWatching();
        clearInterval(pruneTimer);
        await sync.stop();
        await pool.stop();
        if (sqlite.open) sqlite.close();
      })();
      return closing;
    },
  };
};
