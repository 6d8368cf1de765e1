import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import { ErrorCode } from '../../src/shared/errors';
import type { SyncServerHandle } from '../../src/syncServer';
import type { TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { expectServerMatches, login, openSyncedLibrary, startServer, syncedProject, uploadAvatar, USER, waitForIdle } from './helpers';

let server: SyncServerHandle | null = null;
const libs: TestLibrary[] = [];
const open = async (...args: Parameters<typeof openSyncedLibrary>) => {
  const lib = await openSyncedLibrary(...args);
  libs.push(lib);
  return lib;
};

afterEach(async () => {
  for (const lib of libs.splice(0)) await lib.dispose().catch(() => {});
  await server?.close();
  server = null;
});

const UPLOAD = /\/avatars\/upload$/;

describe('sync under faults', () => {
  it('wrong credentials are a clear sign-in error, not a retry loop', async () => {
    server = await startServer();
    const lib = await open(server);
    const result = await lib.call('sync.login', { email: USER.email, password: 'wrong' });
    expect(result.ok ? null : result.error.code).toBe(ErrorCode.SYNC_AUTH_FAILED);
    expect(server.requests.matching('POST', '/api/auth/login')).toHaveLength(1);
    expect((await lib.must('sync.status', {})).state).toBe('signed_out');
  });

  it.each([false, true])('an upload committed whose answer is lost makes one avatar and one charge (extension %s)', async (extension) => {
    server = await startServer({ extension });
    const lib = await open(server);
    const project = await syncedProject(lib);
    await waitForIdle(lib);
    server.faults.dropNextResponses(1, { method: 'POST', path: UPLOAD });
    await uploadAvatar(lib, project.id, 'Dropped');
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    expect(server.db.charges(USER.email)).toBe(1);
    expectServerMatches(lib, server, { usage: false });
  });

  it('a relay stopped between send and acknowledgement doubles nothing when the library opens again', async () => {
    server = await startServer();
    // A long backoff: after the lost answer the first process stops before it could retry (as if killed).
    // The session outlives the process (the desktop vault keeps it encrypted): both opens share it.
    const vault = createMemorySessionVault();
    const first = await open(server, { vault, backoff: { baseMs: 60_000, capMs: 60_000 } });
    const project = await syncedProject(first);
    await waitForIdle(first);
    server.faults.dropNextResponses(1, { method: 'POST', path: UPLOAD });
    await uploadAvatar(first, project.id, 'In flight');
    await until(() => server!.requests.matching('POST', UPLOAD).length === 1, { timeoutMs: 10_000 });
    await until(async () => (await first.must('sync.status', {})).queued === 1 && server!.requests.matching('POST', UPLOAD)[0]!.outcome !== 'pending');
    await first.library.close();
    // The backoff elapsed while nothing ran.
    const db = new Database(path.join(first.dir, DB_FILE_NAME));
    db.prepare('UPDATE sync_outbox SET next_attempt_at = NULL').run();
    db.close();
    const second = await open(server, { vault }, first.dir);
    await waitForIdle(second);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    expect(server.db.charges(USER.email)).toBe(1);
    expect(server.requests.matching('POST', UPLOAD)).toHaveLength(1);
    expectServerMatches(second, server, { usage: false });
  });

  it('closing the library with an upload in flight cuts it at once; the next start checks and doubles nothing', async () => {
    server = await startServer();
    const vault = createMemorySessionVault();
    const first = await open(server, { vault, backoff: { baseMs: 60_000, capMs: 60_000 } });
    const project = await syncedProject(first);
    await waitForIdle(first);
    server.faults.delayNext(1, 1500, { method: 'POST', path: UPLOAD });
    await uploadAvatar(first, project.id, 'Cut');
    await until(() => server!.requests.matching('POST', UPLOAD).length === 1);
    const closing = Date.now();
    await first.library.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    // Let the delayed request finish (or not) on the server, then start again once the backoff is over.
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const db = new Database(path.join(first.dir, DB_FILE_NAME));
    expect(db.prepare('SELECT in_flight AS f FROM sync_outbox').get()).toEqual({ f: 1 });
    db.prepare('UPDATE sync_outbox SET next_attempt_at = NULL').run();
    db.close();
    const second = await open(server, { vault }, first.dir);
    await waitForIdle(second);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    expect(server.db.charges(USER.email)).toBe(1);
    expectServerMatches(second, server, { usage: false });
  });

  it('a 503 on an upload that did not happen is checked, then sent again once', async () => {
    server = await startServer();
    const lib = await open(server);
    const project = await syncedProject(lib);
    server.faults.failNext(1, { status: 503, method: 'POST', path: UPLOAD });
    await uploadAvatar(lib, project.id, 'Retried');
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    expect(server.requests.matching('POST', UPLOAD)).toHaveLength(2);
  });

  it('after the server was down everything arrives, in order', async () => {
    server = await startServer({ extension: true });
    const lib = await open(server);
    const project = await syncedProject(lib);
    await waitForIdle(lib);
    await server.faults.goDown();
    const made = [];
    for (let i = 0; i < 6; i += 1) made.push(await uploadAvatar(lib, project.id, `Offline ${i}`));
    await lib.must('avatars.update', { id: made[1]!.id, name: 'Renamed offline' });
    await lib.must('avatars.delete', { id: made[2]!.id });
    await lib.must('usage.record', { avatarId: made[0]!.id, appId: 'docs', appName: 'Docs', action: 'insert' });
    await lib.must('projects.update', { id: project.id, name: 'Renamed project' });
    await until(async () => (await lib.must('sync.status', {})).state === 'offline', { timeoutMs: 10_000 });
    await server.faults.comeBack();
    await waitForIdle(lib);
    expectServerMatches(lib, server, { usage: true });
    const uploads = server.requests.matching('POST', UPLOAD).filter((entry) => entry.status === 200);
    expect(uploads).toHaveLength(5);
    // Upload order follows local order: the cloud's createdAt order is the order of the local names.
    const names = server.db.avatars({ user: USER.email }).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((one) => one.name);
    expect(names).toEqual(['Offline 0', 'Renamed offline', 'Offline 3', 'Offline 4', 'Offline 5']);
  });

  it('429 bursts: nothing is sent on the route before Retry-After has passed', async () => {
    server = await startServer();
    const lib = await open(server);
    const project = await syncedProject(lib);
    await waitForIdle(lib);
    server.faults.failNext(3, { status: 429, method: 'POST', path: UPLOAD, retryAfterSeconds: 1 });
    for (let i = 0; i < 3; i += 1) await uploadAvatar(lib, project.id, `Limited ${i}`);
    await waitForIdle(lib, 20_000);
    const uploads = server.requests.matching('POST', UPLOAD);
    expect(uploads).toHaveLength(6);
    for (let i = 1; i < uploads.length; i += 1) {
      const before = uploads[i - 1]!;
      if (before.status === 429) expect(uploads[i]!.receivedAt).toBeGreaterThanOrEqual(before.respondedAt! + 1000);
    }
    expect(server.db.avatars({ user: USER.email })).toHaveLength(3);
  }, 20_000);

  it('paced to the server’s limits, a first sync meets them without a single 429', async () => {
    server = await startServer({ rateLimits: { uploadPerMinute: 5, windowScale: 0.02 } });
    const lib = await open(server, { limits: { upload: { max: 5, windowMs: 1200 }, projectCreate: { max: 20, windowMs: 72_000 } } });
    const project = await syncedProject(lib);
    for (let i = 0; i < 12; i += 1) await uploadAvatar(lib, project.id, `Paced ${i}`);
    await waitForIdle(lib, 20_000);
    expect(server.requests.list().filter((entry) => entry.status === 429)).toHaveLength(0);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(12);
  }, 30_000);

  it('a validation 500 is a visible error, never retried, and the rest goes on', async () => {
    server = await startServer();
    const lib = await open(server);
    const project = await syncedProject(lib);
    const bad = await uploadAvatar(lib, project.id, 'Bad');
    await waitForIdle(lib);
    // Another process (here: plain SQL) writes what the cloud refuses: the trigger still queues it.
    const db = new Database(path.join(lib.dir, DB_FILE_NAME));
    db.prepare('UPDATE avatars SET persona_name = ? WHERE id = ?').run('x'.repeat(150), bad.id);
    db.close();
    await uploadAvatar(lib, project.id, 'Good');
    await until(async () => (await lib.must('sync.status', {})).errors === 1 && (await lib.must('sync.status', {})).queued === 0, { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [issue] = await lib.must('sync.issues', {});
    expect(issue).toMatchObject({ kind: 'error', entityType: 'avatar', operation: 'update' });
    expect(issue!.message).toMatch(/personaName/);
    expect(server.db.avatars({ user: USER.email }).map((one) => one.name).sort()).toEqual(['Bad', 'Good']);
    const puts = server.requests.matching('PUT', /\/avatars\//);
    expect(puts.filter((entry) => entry.status === 500)).toHaveLength(1);
  });

  it('an expired session pauses sync with auth_required until the user signs in again', async () => {
    server = await startServer();
    const vault = createMemorySessionVault();
    const lib = await open(server, { vault });
    const project = await syncedProject(lib);
    await waitForIdle(lib);
    vault.set(await server.issueToken(USER.email, { expiresInSeconds: -10 }));
    await uploadAvatar(lib, project.id, 'After expiry');
    await until(async () => (await lib.must('sync.status', {})).state === 'auth_required', { timeoutMs: 10_000 });
    const status = await lib.must('sync.status', {});
    expect(status.pauseReason?.code).toBe(ErrorCode.SYNC_AUTH_REQUIRED);
    const unauthorized = server.requests.list().filter((entry) => entry.status === 401).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.requests.list().filter((entry) => entry.status === 401).length).toBe(unauthorized);
    await lib.must('sync.login', { email: USER.email, password: USER.password });
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
  });

  it('402 pauses with the balance shown; resume after credits continues', async () => {
    server = await startServer();
    const lib = await open(server);
    const project = await syncedProject(lib);
    await waitForIdle(lib);
    server.db.setCreditBalance(USER.email, 1);
    await uploadAvatar(lib, project.id, 'Costly');
    await until(async () => (await lib.must('sync.status', {})).state === 'out_of_credits', { timeoutMs: 10_000 });
    expect((await lib.must('sync.status', {})).creditBalance).toBe(1);
    server.db.setCreditBalance(USER.email, 10);
    await lib.must('sync.resume', {});
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
  });

  it('a project the cloud refuses holds back only its own records; fixed and retried, it all arrives', async () => {
    server = await startServer({ extension: true });
    const lib = await open(server);
    await login(lib);
    const bad = await lib.must('projects.create', { name: 'Too long soon' });
    const good = await lib.must('projects.create', { name: 'Fine' });
    const db = new Database(path.join(lib.dir, DB_FILE_NAME));
    db.prepare('UPDATE projects SET name = ? WHERE id = ?').run('x'.repeat(150), bad.id);
    db.close();
    const held = await uploadAvatar(lib, bad.id, 'Held back');
    await lib.must('usage.record', { avatarId: held.id, appId: 'docs', appName: 'Docs', action: 'insert' });
    await lib.must('sync.setProject', { projectId: bad.id, enabled: true });
    await lib.must('sync.setProject', { projectId: good.id, enabled: true });
    await uploadAvatar(lib, good.id, 'Goes through');
    await until(async () => server!.db.avatars({ user: USER.email }).length === 1 && (await lib.must('sync.status', {})).errors === 1, { timeoutMs: 10_000 });
    const [issue] = await lib.must('sync.issues', {});
    expect(issue).toMatchObject({ kind: 'error', entityType: 'project', entityId: bad.id, operation: 'create' });
    expect(issue!.message).toMatch(/name/);
    await lib.must('projects.update', { id: bad.id, name: 'Fixed' });
    await lib.must('sync.resolve', { issueId: issue!.id, resolution: 'retry' });
    await waitForIdle(lib);
    expectServerMatches(lib, server, { usage: true });
  });
});
