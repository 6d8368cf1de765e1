import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { startSyncServer } from '../../src/syncServer';
import { ALICE, PREFIX, call, login, manualClock, startServer } from './helpers';

describe('sync server: login and tokens', () => {
  it('logs in with the documented shape and a 7-day {userId, email} JWT', async () => {
    const server = await startServer();
    const answer = await call(server, 'POST', '/api/auth/login', { json: { email: ALICE.email, password: ALICE.password } });
    expect(answer.status).toBe(200);
    const alice = server.users.find((user) => user.email === ALICE.email);
    expect(answer.body).toEqual({
      success: true,
      data: { user: { id: alice?.id, email: ALICE.email, name: ALICE.name, creditBalance: 100 }, token: expect.any(String) },
      message: 'Login successful',
    });
    const claims = decodeJwt(answer.body.data.token);
    expect(claims).toMatchObject({ userId: alice?.id, email: ALICE.email });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7 * 24 * 60 * 60);
  });

  it('answers wrong credentials with a generic HTTP 500, not 401', async () => {
    const server = await startServer();
    for (const json of [{ email: ALICE.email, password: 'wrong' }, { email: 'nobody@example.test', password: 'x' }, {}]) {
      const answer = await call(server, 'POST', '/api/auth/login', { json });
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ success: false, error: { message: 'An unexpected error occurred', code: 'UNHANDLED_ERROR', statusCode: 500 } });
    }
    expect((await call(server, 'POST', '/api/auth/login', { rawBody: 'not json' })).status).toBe(500);
  });

  it('refuses missing, malformed, foreign and expired tokens with 401 "Unauthorized - ..."', async () => {
    const clock = manualClock();
    const server = await startServer({ clock: clock.now, tokenTtlSeconds: 60 });
    const missing = await call(server, 'GET', `${PREFIX}/projects`);
    expect(missing).toMatchObject({ status: 401, body: { error: 'Unauthorized - No token provided' } });
    const basic = await call(server, 'GET', `${PREFIX}/projects`, { headers: { authorization: 'Basic abc' } });
    expect(basic.body).toEqual({ error: 'Unauthorized - No token provided' });
    const garbage = await call(server, 'GET', `${PREFIX}/projects`, { token: 'not.a.jwt' });
    expect(garbage).toMatchObject({ status: 401, body: { error: 'Unauthorized - Invalid token' } });

    const other = await startSyncServer({ users: [ALICE], jwtSecret: 'another secret' });
    const foreign = await login(other);
    await other.close();
    expect((await call(server, 'GET', `${PREFIX}/projects`, { token: foreign })).status).toBe(401);

    const token = await login(server);
    expect((await call(server, 'GET', `${PREFIX}/projects`, { token })).status).toBe(200);
    clock.advance(61_000);
    const expired = await call(server, 'GET', `${PREFIX}/projects`, { token });
    expect(expired).toMatchObject({ status: 401, body: { error: 'Unauthorized - Invalid token' } });
  });

  it('issues tokens directly for tests, already expired if asked', async () => {
    const server = await startServer();
    const expired = await server.issueToken(ALICE.email, { expiresInSeconds: -5 });
    expect((await call(server, 'GET', `${PREFIX}/stats`, { token: expired })).status).toBe(401);
    const fresh = await server.issueToken(ALICE.email);
    expect((await call(server, 'GET', `${PREFIX}/stats`, { token: fresh })).status).toBe(200);
  });

  it('answers unknown routes with the cloud 404 and serves /health without auth', async () => {
    const server = await startServer();
    expect(await call(server, 'GET', '/api/apps/avatar-creator/nothing-here')).toMatchObject({ status: 404, body: { error: 'Not Found' } });
    expect((await call(server, 'PATCH', `${PREFIX}/projects`)).status).toBe(404);
    expect(await call(server, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
