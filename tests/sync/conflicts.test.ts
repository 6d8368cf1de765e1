import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServerHandle } from '../../src/syncServer';
import type { TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { expectServerMatches, openSyncedLibrary, startServer, syncedProject, uploadAvatar, USER, waitForIdle } from './helpers';

let server: SyncServerHandle | null = null;
let lib: TestLibrary | null = null;

afterEach(async () => {
  await lib?.dispose();
  await server?.close();
  lib = null;
  server = null;
});

/** Someone else (the web app) edits the avatar in the cloud. */
const editInCloud = async (handle: SyncServerHandle, cloudId: string, body: Record<string, unknown>) => {
  const token = await handle.issueToken(USER.email);
  const response = await fetch(`${handle.url}/api/apps/avatar-creator/avatars/${cloudId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
};

const conflictOf = async (library: TestLibrary) => {
  await until(async () => (await library.must('sync.status', {})).conflicts === 1, { timeoutMs: 10_000 });
  const issues = await library.must('sync.issues', {});
  return issues.find((issue) => issue.kind === 'conflict')!;
};

describe('conflicts', () => {
  it('an avatar changed in the cloud and locally is a visible conflict; take_theirs and keep_mine resolve it', async () => {
    server = await startServer({ extension: true });
    lib = await openSyncedLibrary(server);
    const project = await syncedProject(lib);
    const avatar = await uploadAvatar(lib, project.id, 'Original');
    await lib.must('usage.record', { avatarId: avatar.id, appId: 'docs', appName: 'Docs', action: 'insert' });
    await waitForIdle(lib);
    const cloudId = server.db.avatars({ user: USER.email })[0]!.id;

    // Usage moved the cloud's updatedAt: that alone is not a conflict.
    await lib.must('avatars.update', { id: avatar.id, name: 'Mine 1' });
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })[0]!.name).toBe('Mine 1');

    await editInCloud(server, cloudId, { name: 'Theirs 1' });
    await lib.must('avatars.update', { id: avatar.id, name: 'Mine 2' });
    const first = await conflictOf(lib);
    expect(first).toMatchObject({ entityType: 'avatar', entityId: avatar.id, operation: 'update' });
    expect(first.remoteUpdatedAt).not.toBeNull();
    // Never a silent overwrite.
    expect(server.db.avatars({ user: USER.email })[0]!.name).toBe('Theirs 1');
    await lib.must('sync.resolve', { issueId: first.id, resolution: 'take_theirs' });
    expect((await lib.must('avatars.get', { id: avatar.id })).name).toBe('Theirs 1');
    await waitForIdle(lib);

    await editInCloud(server, cloudId, { name: 'Theirs 2' });
    await lib.must('avatars.update', { id: avatar.id, name: 'Mine 3' });
    const second = await conflictOf(lib);
    await lib.must('sync.resolve', { issueId: second.id, resolution: 'keep_mine' });
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email })[0]!.name).toBe('Mine 3');
    expectServerMatches(lib, server, { usage: true });
  });

  it('an avatar deleted in the cloud is a conflict, not a silent re-create', async () => {
    server = await startServer();
    lib = await openSyncedLibrary(server);
    const project = await syncedProject(lib);
    const avatar = await uploadAvatar(lib, project.id, 'Doomed');
    await waitForIdle(lib);
    const cloudId = server.db.avatars({ user: USER.email })[0]!.id;
    const token = await server.issueToken(USER.email);
    await fetch(`${server.url}/api/apps/avatar-creator/avatars/${cloudId}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    await lib.must('avatars.update', { id: avatar.id, name: 'Still mine' });
    const conflict = await conflictOf(lib);
    expect(conflict.message).toMatch(/deleted on the server/);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(0);
    await lib.must('sync.resolve', { issueId: conflict.id, resolution: 'keep_mine' });
    await waitForIdle(lib);
    expect(server.db.avatars({ user: USER.email }).map((one) => one.name)).toEqual(['Still mine']);
  });

  it('a project renamed on both sides is a conflict; take_theirs renames it locally', async () => {
    server = await startServer();
    lib = await openSyncedLibrary(server);
    const project = await syncedProject(lib, 'Mine');
    await waitForIdle(lib);
    const cloudId = server.db.projects(USER.email)[0]!.id;
    const token = await server.issueToken(USER.email);
    await fetch(`${server.url}/api/apps/avatar-creator/projects/${cloudId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Theirs' }),
    });
    await lib.must('projects.update', { id: project.id, name: 'Mine again' });
    const conflict = await conflictOf(lib);
    expect(conflict).toMatchObject({ entityType: 'project', entityId: project.id });
    await lib.must('sync.resolve', { issueId: conflict.id, resolution: 'take_theirs' });
    expect((await lib.must('projects.get', { id: project.id })).project.name).toBe('Theirs');
    await waitForIdle(lib);
    expect((await lib.must('sync.status', {})).conflicts).toBe(0);
    expect(server.db.projects(USER.email)[0]!.name).toBe('Theirs');
  });
});
