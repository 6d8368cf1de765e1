import { describe, expect, it } from 'vitest';
import { ALICE, PREFIX, call, createProject, image, login, startServer, upload, uploadForm } from './helpers';

describe('sync server: credits', () => {
  it('charges 2 credits per upload, once, in the ledger, the answer, login and stats', async () => {
    const server = await startServer({ rateLimits: false, users: [{ ...ALICE, creditBalance: 5 }] });
    const token = await login(server);
    const { id } = await createProject(server, token);
    const png = await image('png');
    const first = await upload(server, token, id, uploadForm(png, 'a.png'));
    expect(first.body).toMatchObject({ creditUsed: 2, creditBalance: 3 });
    const second = await upload(server, token, id, uploadForm(png, 'b.png'));
    expect(second.body).toMatchObject({ creditUsed: 2, creditBalance: 1 });
    expect(server.db.creditLedger(ALICE.email).map((row) => [row.type, row.amount, row.balance])).toEqual([
      ['bonus', 5, 5],
      ['usage', -2, 3],
      ['usage', -2, 1],
    ]);
    expect(server.db.charges(ALICE.email)).toBe(2);
    expect((await call(server, 'GET', `${PREFIX}/stats`, { token })).body.creditBalance).toBe(1);
    const again = await call(server, 'POST', '/api/auth/login', { json: { email: ALICE.email, password: ALICE.password } });
    expect(again.body.data.user.creditBalance).toBe(1);

    const refused = await upload(server, token, id, uploadForm(png, 'c.png'));
    expect(refused).toMatchObject({ status: 402, body: { error: 'Insufficient credits', required: 2, current: 1 } });
    expect(server.db.avatars()).toHaveLength(2);
    expect(server.db.creditBalance(ALICE.email)).toBe(1);

    server.db.setCreditBalance(ALICE.email, 10);
    expect((await upload(server, token, id, uploadForm(png, 'd.png'))).body.creditBalance).toBe(8);
  });

  it('does not charge for project work, edits or reads', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const project = await createProject(server, token);
    await call(server, 'PUT', `${PREFIX}/projects/${project.id}`, { token, json: { name: 'Renamed' } });
    await call(server, 'GET', `${PREFIX}/projects`, { token });
    expect(server.db.creditBalance(ALICE.email)).toBe(100);
    expect(server.db.charges(ALICE.email)).toBe(0);
  });
});
