import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import type { AppEvent } from '../../src/shared/contract';
import type { SyncServerHandle } from '../../src/syncServer';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { expectServerMatches, login, openSyncedLibrary, seedAvatars, startServer, syncedProject, uploadAvatar, USER, waitForIdle } from './helpers';

let server: SyncServerHandle | null = null;
const libs: TestLibrary[] = [];

afterEach(async () => {
  // The first opened owns the directory; close the others first.
  for (const lib of libs.splice(0).reverse()) await (libs.length === 0 ? lib.dispose() : lib.library.close()).catch(() => {});
  await server?.close();
  server = null;
});

describe('sync lifecycle', () => {
  it('two processes on one library: one relays (the lease), both write the outbox, nothing is doubled', async () => {
    server = await startServer();
    const vault = createMemorySessionVault();
    const a = await openSyncedLibrary(server, { vault });
    libs.push(a);
    const b = await openSyncedLibrary(server, { vault }, a.dir);
    libs.push(b);
    const project = await syncedProject(a);
    for (let i = 0; i < 4; i += 1) {
      await uploadAvatar(a, project.id, `From A ${i}`);
      await uploadAvatar(b, project.id, `From B ${i}`);
    }
    await waitForIdle(a);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(8);
    expect(server.requests.matching('POST', /\/avatars\/upload$/)).toHaveLength(8);
    expectServerMatches(a, server, { usage: false });
  });

  it('sync.changed reaches another process on the library', async () => {
    server = await startServer();
    const a = await openSyncedLibrary(server);
    libs.push(a);
    // Another process on the library that does not relay, following the database file as the bridge does.
    const watcher = await openTestLibrary({ dir: a.dir, watch: true, sync: { relay: false, serverUrl: server.url } });
    libs.push(watcher);
    const seen: AppEvent[] = [];
    watcher.library.events.subscribe((event) => seen.push(event));
    await syncedProject(a);
    await waitForIdle(a);
    await until(() => seen.some((event) => event.name === 'sync.changed' && event.payload.status.queued === 0 && event.payload.status.account !== null), { timeoutMs: 10_000 });
    expect((await watcher.must('sync.status', {})).account?.email).toBe(USER.email);
  });

  it('the first sync shows progress with an estimate under the limits, and pauses', async () => {
    server = await startServer({ rateLimits: { uploadPerMinute: 5, windowScale: 0.02 } });
    const lib = await openSyncedLibrary(server, { limits: { upload: { max: 5, windowMs: 1200 }, projectCreate: { max: 20, windowMs: 72_000 } } });
    libs.push(lib);
    const project = await lib.must('projects.create', { name: 'Backlog' });
    await seedAvatars(lib.dir, project.id, 15);
    await login(lib);
    const started = await lib.must('sync.setProject', { projectId: project.id, enabled: true });
    expect(started.initial).toMatchObject({ total: 16, done: 0 });
    // 15 uploads at 5 per 1.2 s: at least 3.6 s honestly.
    expect(started.initial!.etaSeconds).toBeGreaterThanOrEqual(3);
    await until(async () => ((await lib.must('sync.status', {})).initial?.done ?? 0) >= 3);
    const paused = await lib.must('sync.pause', {});
    expect(paused.state).toBe('paused');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const count = server.db.avatars({ user: USER.email }).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.db.avatars({ user: USER.email })).toHaveLength(count);
    await lib.must('sync.resume', {});
    await waitForIdle(lib, 20_000);
    expect((await lib.must('sync.status', {})).initial).toBeNull();
    expectServerMatches(lib, server, { usage: false });
  }, 30_000);

  it('renames, moves and deletes reach the cloud; opting out stops the outbox', async () => {
    server = await startServer();
    const lib = await openSyncedLibrary(server);
    libs.push(lib);
    const one = await syncedProject(lib, 'One');
    const two = await lib.must('projects.create', { name: 'Two' });
    await lib.must('sync.setProject', { projectId: two.id, enabled: true });
    const moving = await uploadAvatar(lib, one.id, 'Mover');
    const doomed = await uploadAvatar(lib, one.id, 'Doomed');
    await waitForIdle(lib);
    await lib.must('projects.update', { id: one.id, name: 'One renamed', description: 'now with text' });
    await lib.must('avatars.move', { id: moving.id, projectId: two.id });
    await lib.must('avatars.delete', { id: doomed.id });
    await waitForIdle(lib);
    expectServerMatches(lib, server, { usage: false });
    expect(server.db.projects(USER.email).map((p) => p.name).sort()).toEqual(['One renamed', 'Two']);
    await lib.must('sync.setProject', { projectId: two.id, enabled: false });
    await uploadAvatar(lib, two.id, 'Local only');
    expect((await lib.must('sync.status', {})).queued).toBe(0);
    await lib.must('projects.delete', { id: one.id });
    await waitForIdle(lib);
    expect(server.db.projects(USER.email).map((p) => p.name)).toEqual(['Two']);
  });

  it('signing in as another account starts over: that account gets the opted-in projects too', async () => {
    const other = { email: 'budi@example.com', password: 'another password', creditBalance: 1000 };
    server = await startServer({ users: [USER, other] });
    const lib = await openSyncedLibrary(server);
    libs.push(lib);
    const project = await syncedProject(lib);
    await uploadAvatar(lib, project.id, 'Shared');
    await waitForIdle(lib);
    await lib.must('sync.login', { email: other.email, password: other.password });
    await waitForIdle(lib);
    expect(server.db.avatars({ user: other.email }).map((one) => one.name)).toEqual(['Shared']);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
  });

  it('a process without a relay (the CLI) sends on sync now, and leaves the relaying to a running app', async () => {
    server = await startServer();
    const vault = createMemorySessionVault();
    const cli = await openSyncedLibrary(server, { relay: false, vault });
    libs.push(cli);
    const project = await syncedProject(cli);
    await uploadAvatar(cli, project.id, 'From the CLI');
    expect((await cli.must('sync.status', {})).queued).toBe(2);
    const after = await cli.must('sync.now', {});
    expect(after).toMatchObject({ queued: 0, state: 'idle' });
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    // An app relaying on the same library holds the lease: sync now returns at once and the app sends.
    const app = await openSyncedLibrary(server, { vault, leaseMs: 60_000 }, cli.dir);
    libs.push(app);
    await until(() => server!.requests.list().length > 0 && app.must('sync.status', {}).then((status) => status.queued === 0));
    await uploadAvatar(cli, project.id, 'Queued by the CLI');
    const started = Date.now();
    await cli.must('sync.now', {});
    expect(Date.now() - started).toBeLessThan(5000);
    await waitForIdle(app);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(2);
  });

  it('a relaying shell restarted without the session asks to sign in again instead of seeming to sync', async () => {
    server = await startServer();
    const first = await openSyncedLibrary(server);
    const project = await syncedProject(first);
    await first.library.close();
    const second = await openSyncedLibrary(server, {}, first.dir);
    libs.push(second);
    await uploadAvatar(second, project.id, 'Waiting');
    const status = await second.must('sync.status', {});
    expect(status).toMatchObject({ state: 'auth_required', pauseReason: { code: 'SYNC_AUTH_REQUIRED' } });
    await second.must('sync.login', { email: USER.email, password: USER.password });
    await waitForIdle(second);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
  });

  it('sync now in a one-shot process without a session says to sign in, at once', async () => {
    server = await startServer();
    const first = await openSyncedLibrary(server, { relay: false });
    await syncedProject(first);
    await first.library.close();
    const cli = await openSyncedLibrary(server, { relay: false }, first.dir);
    libs.push(cli);
    const status = await cli.must('sync.now', {});
    expect(status).toMatchObject({ state: 'auth_required', pauseReason: { code: 'SYNC_AUTH_REQUIRED' } });
    expect(status.pauseReason?.message).toMatch(/LUMIKU_SESSION/);
  });
});
