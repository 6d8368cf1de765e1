// The sync section of `npm run bench`: first-sync throughput against the reference server with
// rate limits off and on, and what the outbox triggers cost local writes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemorySessionVault, openLibrary, type Library } from '../src/main/core';
import type { LibrarySyncOptions } from '../src/main/core/library/openLibrary';
import { startSyncServer, type SyncServerHandle } from '../src/syncServer';
import { seedAvatars } from '../tests/sync/seed';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const USER = { email: 'bench@example.com', password: 'bench password', creditBalance: 1_000_000 };
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

const call = async <T = { id: string }>(library: Library, command: string, input: unknown): Promise<T> => {
  const result = await library.router.invoke(command, input, { shell: 'test' });
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as T;
};

const waitIdle = async (library: Library, timeoutMs: number): Promise<void> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await call<{ queued: number; errors: number }>(library, 'sync.status', {});
    if (status.queued === 0) return;
    if (Date.now() > until) throw new Error(`sync did not finish: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Opts a project with `count` seeded avatars in and times its first sync to an idle outbox. */
const firstSync = async (dir: string, server: SyncServerHandle, count: number, sync: LibrarySyncOptions) => {
  const library = await openLibrary({ dir, migrationsFolder: MIGRATIONS, log: () => {}, sync: { relay: true, serverUrl: server.url, vault: createMemorySessionVault(), pollMs: 10, ...sync } });
  try {
    const project = await call(library, 'projects.create', { name: 'Bench' });
    await seedAvatars(dir, project.id, count);
    await call(library, 'sync.login', { email: USER.email, password: USER.password });
    const started = Date.now();
    await call(library, 'sync.setProject', { projectId: project.id, enabled: true });
    await waitIdle(library, 600_000);
    return { seconds: (Date.now() - started) / 1000 };
  } finally {
    await library.close();
  }
};

const throughput = async (work: string) => {
  const count = 300;
  const server = await startSyncServer({ users: [USER], rateLimits: false, extension: true });
  try {
    const { seconds } = await firstSync(path.join(work, 'sync-fast'), server, count, { limits: null });
    return { avatars: count, seconds: round(seconds), avatarsPerSecond: round(count / seconds, 1) };
  } finally {
    await server.close();
  }
};

/** Under the cloud's upload limit (10 per window; the window scaled to 3 s): how close to the allowed rate. */
const paced = async (work: string) => {
  const count = 40;
  const windowMs = 3000;
  const server = await startSyncServer({ users: [USER], rateLimits: { uploadPerMinute: 10, windowScale: windowMs / 60_000 }, extension: true });
  try {
    await firstSync(path.join(work, 'sync-paced'), server, count, { limits: { upload: { max: 10, windowMs }, projectCreate: { max: 20, windowMs: 60 * windowMs } } });
    const uploads = server.requests.matching('POST', /\/avatars\/upload$/);
    // The server's fixed windows allow 10 uploads per window: in steady state a batch of 10 can start
    // every windowMs. Achieved: the mean time between batch starts, over every full batch.
    const batches = Math.floor((uploads.length - 1) / 10);
    const spanMs = uploads[batches * 10]!.receivedAt - uploads[0]!.receivedAt;
    const idealMs = batches * windowMs;
    return {
      avatars: count,
      windowMs,
      spanMs,
      idealMs,
      fractionOfAllowedRate: round(idealMs / spanMs, 3),
      goal: 0.95,
      rateLimited429: server.requests.list().filter((entry) => entry.status === 429).length,
    };
  } finally {
    await server.close();
  }
};

/** Local writes with the project opted in (triggers write the outbox) vs not; no relay, so only the write cost counts. */
const outboxCost = async (work: string) => {
  const writes = 1500;
  const run = async (label: string, optIn: boolean): Promise<number> => {
    const library = await openLibrary({ dir: path.join(work, `sync-cost-${label}`), migrationsFolder: MIGRATIONS, log: () => {}, sweepOnOpen: false });
    try {
      const project = await call(library, 'projects.create', { name: 'Cost' });
      const [avatarId] = await seedAvatars(path.join(work, `sync-cost-${label}`), project.id, 1);
      if (optIn) await call(library, 'sync.setProject', { projectId: project.id, enabled: true });
      const started = process.hrtime.bigint();
      for (let i = 0; i < writes; i += 1) {
        if (i % 2 === 0) await call(library, 'avatars.update', { id: avatarId, name: `Name ${i}` });
        else await call(library, 'usage.record', { avatarId, appId: 'bench', appName: 'Bench', action: 'use' });
      }
      return Number(process.hrtime.bigint() - started) / 1e6;
    } finally {
      await library.close();
    }
  };
  // Alternate and take the best of three each, so neither side pays a cold cache alone.
  const off: number[] = [];
  const on: number[] = [];
  for (let round_ = 0; round_ < 3; round_ += 1) {
    off.push(await run(`off-${round_}`, false));
    on.push(await run(`on-${round_}`, true));
  }
  const offMs = Math.min(...off);
  const onMs = Math.min(...on);
  return { writes, offMsPerWrite: round(offMs / writes, 3), onMsPerWrite: round(onMs / writes, 3), ratio: round(onMs / offMs, 3), goal: 1.2 };
};

export const benchSync = async (work: string) => ({
  throughput: await throughput(work),
  paced: await paced(work),
  outboxCost: await outboxCost(work),
});
