import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import type { LibrarySyncOptions } from '../../src/main/core/library/openLibrary';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import { cloudFields, localFields, readAvatar } from '../../src/main/core/sync/records';
import { startSyncServer, type SyncServerHandle, type SyncServerOptions } from '../../src/syncServer';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';

export const USER = { email: 'ayu@example.com', password: 'correct horse battery', name: 'Ayu', creditBalance: 100_000 };

export const startServer = (options: SyncServerOptions = {}): Promise<SyncServerHandle> =>
  startSyncServer({ users: [USER], rateLimits: false, ...options });

/** A library relaying to `server`, fast polling and short backoff so faults heal in test time. */
export const openSyncedLibrary = (server: SyncServerHandle, sync: LibrarySyncOptions = {}, dir?: string): Promise<TestLibrary> =>
  openTestLibrary({
    ...(dir && { dir }),
    sync: { relay: true, serverUrl: server.url, vault: createMemorySessionVault(), pollMs: 20, backoff: { baseMs: 20, capMs: 300 }, limits: null, leaseMs: 2000, ...sync },
  });

export const login = (lib: TestLibrary) => lib.must('sync.login', { email: USER.email, password: USER.password });

export { seedAvatars } from './seed';

export const waitForIdle = (lib: TestLibrary, timeoutMs = 30_000, accept: (queued: number, pendingUsage: number) => boolean = (queued) => queued === 0) =>
  until(async () => {
    const status = await lib.must('sync.status', {});
    return accept(status.queued, status.pendingUsage) && (status.state === 'idle' || status.pendingUsage > 0);
  }, { timeoutMs });

/** The server holds exactly the opted-in projects' avatars (fields and, optionally, usage) of the local library. */
export const expectServerMatches = (lib: TestLibrary, server: SyncServerHandle, options: { usage: boolean }): void => {
  const db = new Database(path.join(lib.dir, DB_FILE_NAME), { readonly: true });
  try {
    const projects = db.prepare('SELECT p.id, p.name, p.description, m.cloud_id AS cloudId FROM projects p JOIN sync_projects s ON s.project_id = p.id AND s.enabled = 1 LEFT JOIN sync_map m ON m.entity_type = \'project\' AND m.local_id = p.id').all() as { id: string; name: string; description: string | null; cloudId: string | null }[];
    const remoteProjects = server.db.projects(USER.email);
    expect(remoteProjects.length).toBe(projects.length);
    for (const project of projects) {
      const remote = remoteProjects.find((one) => one.id === project.cloudId);
      expect(remote?.name).toBe(project.name);
      const locals = db.prepare('SELECT a.id, m.cloud_id AS cloudId FROM avatars a LEFT JOIN sync_map m ON m.entity_type = \'avatar\' AND m.local_id = a.id WHERE a.project_id = ?').all(project.id) as { id: string; cloudId: string }[];
      const remotes = server.db.avatars({ projectId: project.cloudId! });
      expect(remotes.length).toBe(locals.length);
      expect(new Set(remotes.map((one) => one.id))).toEqual(new Set(locals.map((one) => one.cloudId)));
      for (const local of locals) {
        const remote = remotes.find((one) => one.id === local.cloudId)!;
        expect(cloudFields(remote as unknown as Record<string, unknown>)).toEqual(localFields(readAvatar(db, local.id)!));
        if (!options.usage) continue;
        const localUsage = db.prepare('SELECT created_at AS at, reference_id AS ref FROM usage_history WHERE avatar_id = ? ORDER BY created_at, id').all(local.id) as { at: number; ref: string }[];
        const remoteUsage = server.db.usage({ avatarId: remote.id }).map((one) => ({ at: Date.parse(one.createdAt), ref: one.referenceId })).sort((a, b) => a.at - b.at);
        expect(remoteUsage).toEqual(localUsage);
      }
    }
  } finally {
    db.close();
  }
};

export { tempDir };

let uploadBytes: Buffer | null = null;

/** An avatar through the app's own command, so the outbox triggers see it as the user's upload. */
export const uploadAvatar = async (lib: TestLibrary, projectId: string, name: string, extra: { persona?: Record<string, unknown> } = {}) => {
  uploadBytes ??= await makeImage('jpeg', 320, 320);
  return lib.must('avatars.upload', { projectId, fileName: 'face.jpg', bytes: new Uint8Array(uploadBytes), name, ...(extra.persona && { persona: extra.persona }) });
};

/** A project opted in and signed in, ready to sync. */
export const syncedProject = async (lib: TestLibrary, name = 'Synced') => {
  await login(lib);
  const project = await lib.must('projects.create', { name });
  await lib.must('sync.setProject', { projectId: project.id, enabled: true });
  return project;
};
