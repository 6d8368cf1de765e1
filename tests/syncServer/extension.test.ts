import { describe, expect, it } from 'vitest';
import { createIdempotencyStore } from '../../src/syncServer/extension/idempotency';
import { openDatabase } from '../../src/syncServer/store/schema';
import { ALICE, BOB, PREFIX, call, createProject, image, login, manualClock, startServer, upload, uploadForm } from './helpers';

const event = { appId: 'avatar-creator-desktop', appName: 'Avatar Creator', action: 'copy' };

describe('sync server without the extension (the cloud as it is)', () => {
  it('has no capabilities or usage route, and ignores Idempotency-Key: a retried upload makes a second avatar and charge', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    expect(await call(server, 'GET', `${PREFIX}/capabilities`)).toMatchObject({ status: 404, body: { error: 'Not Found' } });
    const { id } = await createProject(server, token);
    const png = await image('png');
    const first = await upload(server, token, id, uploadForm(png, 'a.png'), { 'Idempotency-Key': 'same-key' });
    const second = await upload(server, token, id, uploadForm(png, 'a.png'), { 'Idempotency-Key': 'same-key' });
    expect(first.body.avatar.id).not.toBe(second.body.avatar.id);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(server.db.charges(ALICE.email)).toBe(2);
    const usage = await call(server, 'POST', `${PREFIX}/avatars/${first.body.avatar.id}/usage`, { token, json: event });
    expect(usage).toMatchObject({ status: 404, body: { error: 'Not Found' } });
  });
});

describe('sync server with the extension', () => {
  it('announces itself at /capabilities without auth', async () => {
    const server = await startServer({ extension: true, idempotencyTtlSeconds: 3600 });
    const answer = await call(server, 'GET', `${PREFIX}/capabilities`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      extension: 'avatar-creator-sync',
      version: 1,
      features: {
        usage: { route: `POST ${PREFIX}/avatars/:id/usage`, maxBatch: 100, occurredAt: true },
        idempotencyKeys: {
          header: 'Idempotency-Key',
          routes: [`POST ${PREFIX}/projects`, `POST ${PREFIX}/projects/:projectId/avatars/upload`, `POST ${PREFIX}/avatars/:id/usage`],
          retentionSeconds: 3600,
        },
      },
    });
  });

  it('records usage, one event or a batch, and the history and counters show it', async () => {
    const server = await startServer({ extension: true, rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const { avatar } = (await upload(server, token, id, uploadForm(await image('png'), 'a.png'))).body;
    const path = `${PREFIX}/avatars/${avatar.id}/usage`;
    const one = await call(server, 'POST', path, { token, json: { ...event, referenceId: 'doc-1', referenceType: 'document', metadata: { via: 'clipboard' } } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      message: 'Usage recorded',
      usage: { avatarId: avatar.id, ...event, referenceId: 'doc-1', referenceType: 'document', metadata: '{"via":"clipboard"}' },
      avatar: { id: avatar.id, usageCount: 1 },
    });
    const batch = await call(server, 'POST', path, {
      token,
      json: { events: [{ ...event, action: 'drag_out', occurredAt: '2024-01-02T03:04:05.000Z' }, { ...event, appId: 'other', appName: 'Other' }] },
    });
    expect(batch.body.usage).toHaveLength(2);
    expect(batch.body.usage[0].createdAt).toBe('2024-01-02T03:04:05.000Z');
    expect(batch.body.avatar.usageCount).toBe(3);
    const history = (await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}/usage-history`, { token })).body;
    expect(history.history.map((row: { action: string }) => row.action)).toEqual(['copy', 'copy', 'drag_out']);
    expect(history.summary).toEqual(
      expect.arrayContaining([
        { appId: event.appId, appName: event.appName, count: 2, lastUsed: expect.any(String) },
        { appId: 'other', appName: 'Other', count: 1, lastUsed: expect.any(String) },
      ]),
    );
    expect((await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}`, { token })).body.avatar.usageCount).toBe(3);
    expect(server.db.charges(ALICE.email)).toBe(1);

    // History is the newest 50; the summary counts them all.
    await call(server, 'POST', path, { token, json: { events: Array.from({ length: 55 }, (_, index) => ({ ...event, action: `bulk-${index}` })) } });
    const long = (await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}/usage-history`, { token })).body;
    expect(long.history).toHaveLength(50);
    expect(long.history[0].action).toBe('bulk-54');
    expect(long.summary.find((row: { appId: string }) => row.appId === event.appId).count).toBe(57);
  });

  it("validates usage with the platform's trackUsage rules (HTTP 500) and hides others' avatars", async () => {
    const server = await startServer({ extension: true, rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const { avatar } = (await upload(server, token, id, uploadForm(await image('png'), 'a.png'))).body;
    const post = async (json: unknown) => (await call(server, 'POST', `${PREFIX}/avatars/${avatar.id}/usage`, { token, json })).body;
    expect(await post({ appName: 'A', action: 'copy' })).toEqual({ error: 'appId: Required' });
    expect(await post({ ...event, appId: '' })).toEqual({ error: 'appId: App ID is required' });
    expect(await post({ ...event, appId: 'a'.repeat(51) })).toEqual({ error: 'appId: App ID too long (max 50 characters)' });
    expect(await post({ ...event, appName: 'n'.repeat(101) })).toEqual({ error: 'appName: App name too long (max 100 characters)' });
    expect(await post({ ...event, action: '' })).toEqual({ error: 'action: Action is required' });
    expect(await post({ ...event, referenceId: 'r'.repeat(101) })).toEqual({ error: 'referenceId: Reference ID too long (max 100 characters)' });
    expect(await post({ ...event, referenceType: 't'.repeat(51) })).toEqual({ error: 'referenceType: Reference type too long (max 50 characters)' });
    expect(await post({ ...event, metadata: 'text' })).toEqual({ error: 'metadata: Expected object, received string' });
    expect(await post({ ...event, occurredAt: 'yesterday' })).toEqual({ error: 'occurredAt: occurredAt must be an ISO 8601 date-time' });
    expect(await post({ ...event, occurredAt: '2999-01-01T00:00:00Z' })).toEqual({ error: 'occurredAt: occurredAt must not be in the future' });
    expect(await post({ events: [] })).toEqual({ error: 'events: At least one event is required' });
    expect(await post({ events: Array(101).fill(event) })).toEqual({ error: 'events: Too many events (max 100)' });
    expect(await post({ events: [event, { ...event, action: '' }] })).toEqual({ error: 'events.1.action: Action is required' });
    expect(server.db.usage()).toEqual([]);
    const bob = await login(server, BOB);
    const hidden = await call(server, 'POST', `${PREFIX}/avatars/${avatar.id}/usage`, { token: bob, json: event });
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: 'RESOURCE_NOT_FOUND', message: 'Avatar not found' } } });
  });

  it('replays an upload with the same Idempotency-Key: same avatar, one charge, not rate limited', async () => {
    const server = await startServer({ extension: true, rateLimits: { uploadPerMinute: 1 } });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const png = await image('png');
    const headers = { 'Idempotency-Key': 'upload-0001' };
    const first = await upload(server, token, id, uploadForm(png, 'a.png'), headers);
    const replay = await upload(server, token, id, uploadForm(png, 'a.png'), headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(server.db.avatars()).toHaveLength(1);
    expect(server.db.charges(ALICE.email)).toBe(1);
    // The limiter saw only the first; a new key is a new upload and meets it.
    expect((await upload(server, token, id, uploadForm(png, 'a.png'), { 'Idempotency-Key': 'upload-0002' })).status).toBe(429);
    expect(server.requests.matching('POST', /upload$/).map((entry) => entry.outcome)).toEqual(['answered', 'replayed', 'answered']);

    const conflict = await upload(server, token, id, uploadForm(png, 'a.png', { name: 'Different' }), headers);
    expect(conflict).toMatchObject({ status: 422, body: { success: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    const invalid = await upload(server, token, id, uploadForm(png, 'a.png'), { 'Idempotency-Key': 'has space' });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_ERROR', field: 'Idempotency-Key' } } });
  });

  it('scopes keys per user and route, and keeps only successes', async () => {
    const server = await startServer({ extension: true, rateLimits: false });
    const alice = await login(server);
    const bob = await login(server, BOB);
    const headers = { 'Idempotency-Key': 'shared-key' };
    const post = (token: string, name: string) => call(server, 'POST', `${PREFIX}/projects`, { token, json: { name }, headers });
    const a1 = await post(alice, 'Same');
    const a2 = await post(alice, 'Same');
    const b1 = await post(bob, 'Same');
    expect(a2.body.project.id).toBe(a1.body.project.id);
    expect(b1.body.project.id).not.toBe(a1.body.project.id);
    expect(server.db.projects()).toHaveLength(2);

    const png = await image('png');
    server.db.setCreditBalance(ALICE.email, 0);
    const poor = await upload(server, alice, a1.body.project.id, uploadForm(png, 'a.png'), headers);
    expect(poor.status).toBe(402);
    server.db.setCreditBalance(ALICE.email, 10);
    const paid = await upload(server, alice, a1.body.project.id, uploadForm(png, 'a.png'), headers);
    expect(paid.status).toBe(200);
    expect(paid.headers.get('idempotent-replayed')).toBeNull();

    const { avatar } = paid.body;
    const usageKey = { 'Idempotency-Key': 'usage-batch-1' };
    const usage = (json: unknown) => call(server, 'POST', `${PREFIX}/avatars/${avatar.id}/usage`, { token: alice, json, headers: usageKey });
    await usage({ events: [event, event] });
    expect((await usage({ events: [event, event] })).headers.get('idempotent-replayed')).toBe('true');
    expect(server.db.usage()).toHaveLength(2);
  });

  it('creates once when a duplicate arrives while the first is still on its way', async () => {
    const server = await startServer({ extension: true, rateLimits: false });
    const token = await login(server);
    // The first is held before its handler; the duplicate overtakes it, creates, and the first then gets the replay.
    server.faults.delayNext(1, 1_000, { method: 'POST', path: `${PREFIX}/projects` });
    const headers = { 'Idempotency-Key': 'slow-key' };
    const slow = call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: 'Slow' }, headers });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [first, second] = await Promise.all([slow, call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: 'Slow' }, headers })]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.project.id).toBe(second.body.project.id);
    expect(first.headers.get('idempotent-replayed')).toBe('true');
    expect(server.db.projects()).toHaveLength(1);
  });

  it('keeps a key in progress until its request ends (409), then replays successes and forgets failures', () => {
    const db = openDatabase(':memory:');
    const clock = manualClock();
    const store = createIdempotencyStore(db, 60_000, clock.now);
    const first = store.begin('u1', 'POST /x', 'k', 'fp');
    expect(first.kind).toBe('run');
    expect(store.begin('u1', 'POST /x', 'k', 'fp').kind).toBe('in-progress');
    expect(store.begin('u2', 'POST /x', 'k', 'fp').kind).toBe('run');
    if (first.kind === 'run') first.finish({ status: 200, body: { ok: 1 } });
    expect(store.begin('u1', 'POST /x', 'k', 'fp')).toEqual({
      kind: 'replay',
      reply: { status: 200, body: { ok: 1 }, headers: { 'Idempotent-Replayed': 'true' } },
    });
    expect(store.begin('u1', 'POST /x', 'k', 'other').kind).toBe('conflict');
    const failing = store.begin('u1', 'POST /y', 'k', 'fp');
    if (failing.kind === 'run') failing.finish({ status: 402, body: {} });
    expect(store.begin('u1', 'POST /y', 'k', 'fp').kind).toBe('run');
    clock.advance(60_001);
    expect(store.begin('u1', 'POST /x', 'k', 'other').kind).toBe('run');
    db.close();
  });
});
