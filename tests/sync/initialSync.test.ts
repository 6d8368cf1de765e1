import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServerHandle } from '../../src/syncServer';
import type { TestLibrary } from '../helpers/library';
import { expectServerMatches, login, openSyncedLibrary, seedAvatars, startServer, USER, waitForIdle } from './helpers';

let server: SyncServerHandle | null = null;
let lib: TestLibrary | null = null;

afterEach(async () => {
  await lib?.dispose();
  await server?.close();
  lib = null;
  server = null;
});

describe('first sync of an opted-in project', () => {
  it('500 avatars with usage history reach a server with the extension, exactly', async () => {
    server = await startServer({ extension: true });
    lib = await openSyncedLibrary(server);
    const project = await lib.must('projects.create', { name: 'Campaign', description: 'Spring' });
    await seedAvatars(lib.dir, project.id, 500, 2);
    await login(lib);
    const status = await lib.must('sync.setProject', { projectId: project.id, enabled: true });
    expect(status.initial?.total).toBe(1 + 500 + 1000);
    await waitForIdle(lib, 60_000);
    const done = await lib.must('sync.status', {});
    expect(done).toMatchObject({ state: 'idle', queued: 0, errors: 0, conflicts: 0, serverAcceptsUsage: true, pendingUsage: 0, initial: null });
    expectServerMatches(lib, server, { usage: true });
    expect(server.db.charges(USER.email)).toBe(500);
    // Usage went in batches, not one request per event.
    const usagePosts = server.requests.list().filter((entry) => entry.path.endsWith("/usage"));
    expect(usagePosts.length).toBeLessThanOrEqual(500);
  }, 90_000);

  it('without the extension avatars sync and usage waits, visibly and never dropped', async () => {
    server = await startServer({ extension: false });
    lib = await openSyncedLibrary(server);
    const project = await lib.must('projects.create', { name: 'Plain' });
    await seedAvatars(lib.dir, project.id, 20, 3);
    await login(lib);
    await lib.must('sync.setProject', { projectId: project.id, enabled: true });
    await waitForIdle(lib, 30_000, (queued, pendingUsage) => queued === pendingUsage && pendingUsage === 60);
    const status = await lib.must('sync.status', {});
    expect(status).toMatchObject({ serverAcceptsUsage: false, pendingUsage: 60, queued: 60, errors: 0 });
    expectServerMatches(lib, server, { usage: false });
    expect(server.db.usage({ user: USER.email })).toHaveLength(0);
    // An avatar deleted meanwhile takes its waiting usage with it; the rest keeps waiting.
    const [first] = await lib.must('avatars.list', { projectId: project.id });
    await lib.must('avatars.delete', { id: first!.id });
    await waitForIdle(lib, 30_000, (queued, pendingUsage) => queued === pendingUsage && pendingUsage === 57);
    expectServerMatches(lib, server, { usage: false });
  }, 60_000);
});
