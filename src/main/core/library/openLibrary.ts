import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AvatarService } from '../avatars/avatarService';
import type { CircuitOptions } from '../generation/circuitBreaker';
import { GenerationService } from '../generation/generationService';
import { JobStore } from '../generation/jobStore';
import { currentOwner } from '../generation/ownerIdentity';
import { GenerationPool } from '../generation/pool';
import type { ImageProvider } from '../generation/provider';
import { defaultSettings, type SettingsSource } from '../generation/settings';
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
import { projectHandlers } from '../router/projectHandlers';
import { createRouter, type Logger, type Router } from '../router/router';
import { ChangeFeed } from './changeFeed';
import type { LibraryContext } from './context';
import { sweepOrphans, type SweepReport } from './sweepOrphans';
import { watchForeignChanges } from './watchForeignChanges';

export const DB_FILE_NAME = 'library.db';

export interface GenerationOptions {
  /** The provider for a job's `provider` kind, built from current settings; null when unknown. */
  providerFor(kind: string): ImageProvider | null;
  settings?: SettingsSource;
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
  generation?: GenerationOptions;
}

export interface Library {
  dir: string;
  router: Router;
  events: EventBus;
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
  const avatars = new AvatarService(ctx);
  const settings = options.generation?.settings ?? defaultSettings();
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
  const generations = new GenerationService(ctx, jobs, pool, settings);
  const presets = new PresetService(ctx, generations);
  const router = createRouter(
    {
      ...projectHandlers(projects),
      ...avatarHandlers(avatars),
      ...generationHandlers(generations),
      ...searchAndUsageHandlers(new AvatarSearch(ctx), new UsageService(ctx), new StatsService(ctx)),
      ...presetHandlers(presets),
      ...desktopHandlers({ images, usage: new UsageService(ctx), formatOf: (id) => findImageFormat(db, id) }),
      ...settingsHandlers(),
      ...creditHandlers(),
    },
    log,
  );
  // The pool follows job changes from every process: new work wakes it, a cancel aborts the run.
  events.subscribe((event) => {
    if (event.name === 'generation.changed') pool.onGenerationChanged(event.payload.generation.id, event.payload.generation.status);
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

  return {
    dir,
    router,
    events,
    images,
    startupSweep,
    resolveImage: (rawPath) => resolveImageRequest(images, rawPath, (id) => findImageFormat(db, id)),
    sweepOrphans: (minFileAgeMs) => sweepOrphans(ctx, { minFileAgeMs }),
    close: async () => {
      stopWatching();
      clearInterval(pruneTimer);
      await pool.stop();
      if (sqlite.open) sqlite.close();
    },
  };
};
