import { describe, expect, it } from 'vitest';
import { ALICE, PREFIX, call, createProject, image, login, startServer, upload, uploadForm } from './helpers';

const uploadPath = /\/avatars\/upload$/;

describe('sync server: faults', () => {
  it('drops the answer after the upload committed: the client sees a cut connection, the server has the avatar and one charge', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const { id } = await createProject(server, token);
    server.faults.dropNextResponses(1, { method: 'POST', path: uploadPath });
    await expect(upload(server, token, id, uploadForm(await image('png'), 'a.png'), { 'Idempotency-Key': 'k-1' })).rejects.toThrow();
    expect(server.db.avatars()).toHaveLength(1);
    expect(server.db.charges(ALICE.email)).toBe(1);
    const [logged] = server.requests.matching('POST', uploadPath);
    expect(logged).toMatchObject({ outcome: 'dropped', status: 200, userId: server.users[0]?.id, idempotencyKey: 'k-1' });
    // Only the next one was dropped: the project still lists the avatar the client never heard about.
    const project = (await call(server, 'GET', `${PREFIX}/projects/${id}`, { token })).body.project;
    expect(project.avatars).toHaveLength(1);
  });

  it('fails the next N matching requests with a status, defaulting to bodies a client can classify', async () => {
    const server = await startServer();
    const token = await login(server);
    server.faults.failNext(2, { status: 500, path: `${PREFIX}/projects` });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await call(server, 'GET', `${PREFIX}/projects`, { token });
      expect(answer).toMatchObject({ status: 500, body: { success: false, error: { code: 'UNHANDLED_ERROR' } } });
    }
    expect((await call(server, 'GET', `${PREFIX}/projects`, { token })).status).toBe(200);

    server.faults.failNext(1, { status: 500, body: { error: 'name: Required' } });
    expect(await call(server, 'GET', `${PREFIX}/stats`, { token })).toMatchObject({ status: 500, body: { error: 'name: Required' } });

    server.faults.failNext(1, { status: 503, retryAfterSeconds: 2 });
    const unavailable = await call(server, 'GET', `${PREFIX}/stats`, { token });
    expect(unavailable).toMatchObject({ status: 503, body: { error: 'Service Unavailable' } });
    expect(unavailable.headers.get('retry-after')).toBe('2');

    server.faults.failNext(1, { status: 429, retryAfterSeconds: 3, method: 'POST' });
    expect((await call(server, 'GET', `${PREFIX}/stats`, { token })).status).toBe(200);
    const limited = await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: 'x' } });
    expect(limited).toMatchObject({ status: 429, body: { error: 'Rate limit exceeded', retryAfter: 3 } });
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(server.db.projects()).toEqual([]);
    const faulted = server.requests.list().filter((entry) => entry.outcome === 'faulted');
    expect(faulted.map((entry) => entry.status)).toEqual([500, 500, 500, 503, 429]);
    expect(faulted.at(-1)).toMatchObject({ userId: server.users[0]?.id, retryAfter: '3' });
  });

  it('goes down (connections refused) and comes back on the same port with its data', async () => {
    const server = await startServer();
    const token = await login(server);
    await createProject(server, token, 'Before');
    await server.faults.goDown();
    expect(server.faults.isDown).toBe(true);
    // A pooled keep-alive connection may first fail as a closed socket; a new one is refused.
    await fetch(`${server.url}/health`).catch(() => undefined);
    const refused = await fetch(`${server.url}/health`).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await server.faults.comeBack();
    const after = await call(server, 'GET', `${PREFIX}/projects`, { token });
    expect(after.body.projects.map((project: { name: string }) => project.name)).toEqual(['Before']);

    const outage = server.faults.downFor(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    await outage;
    expect((await call(server, 'GET', '/health')).status).toBe(200);
  });

  it('delays matching requests and logs every request with its timing', async () => {
    const server = await startServer();
    const token = await login(server);
    server.requests.clear();
    server.faults.delayNext(1, 200, { path: `${PREFIX}/stats` });
    const started = Date.now();
    await call(server, 'GET', `${PREFIX}/stats`, { token, headers: { 'Idempotency-Key': 'ignored-here' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const [entry] = server.requests.list();
    expect(entry).toMatchObject({
      seq: expect.any(Number),
      method: 'GET',
      path: `${PREFIX}/stats`,
      status: 200,
      outcome: 'answered',
      userId: server.users[0]?.id,
      idempotencyKey: 'ignored-here',
      retryAfter: null,
    });
    expect((entry?.respondedAt ?? 0) - (entry?.receivedAt ?? 0)).toBeGreaterThanOrEqual(190);
    server.faults.failNext(5, { status: 500 });
    server.faults.clear();
    expect((await call(server, 'GET', '/health')).status).toBe(200);
  });

  it('exposes the same handle over HTTP only when asked, behind a token', async () => {
    const plain = await startServer();
    expect(plain.controlToken).toBeNull();
    expect((await call(plain, 'POST', '/__control/fail', { json: { status: 500 } })).status).toBe(404);

    const server = await startServer({ controlRoutes: true });
    const control = (action: string, json: unknown, token = server.controlToken ?? '') =>
      call(server, 'POST', `/__control/${action}`, { json, headers: { 'x-control-token': token } });
    expect((await control('fail', { status: 500 }, 'wrong')).status).toBe(403);
    expect((await control('fail', { status: 502, pathPattern: '^/health$' })).status).toBe(200);
    expect((await call(server, 'GET', '/health')).status).toBe(502);
    const expired = (await control('token', { user: ALICE.email, expiresInSeconds: -1 })).body.token;
    expect((await call(server, 'GET', `${PREFIX}/stats`, { token: expired })).status).toBe(401);
    await control('credits', { user: ALICE.email, balance: 1 });
    expect(server.db.creditBalance(ALICE.email)).toBe(1);
    const log = (await control('requests', {})).body.requests;
    expect(log.map((entry: { path: string }) => entry.path)).toEqual(['/health', `${PREFIX}/stats`]);
  });
});
