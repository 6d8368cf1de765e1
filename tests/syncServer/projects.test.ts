import { describe, expect, it } from 'vitest';
import { ALICE, BOB, PREFIX, call, createProject, image, login, startServer, upload, uploadForm } from './helpers';

const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe('sync server: projects', () => {
  it('creates, lists newest first with avatars nested, reads, updates and deletes', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const created = await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name: '  Team   shots ', description: ' For the site ' } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      message: 'Project created successfully',
      project: {
        id: expect.stringMatching(/^c[0-9a-z]{24}$/),
        userId: server.users[0]?.id,
        name: 'Team shots',
        description: 'For the site',
        createdAt: iso,
        updatedAt: iso,
        avatars: [],
      },
    });
    const second = await createProject(server, token, 'Second');
    const avatar = (await upload(server, token, second.id, uploadForm(await image('png'), 'a.png'))).body.avatar;

    const list = await call(server, 'GET', `${PREFIX}/projects`, { token });
    expect(list.status).toBe(200);
    expect(list.body.projects.map((project: { name: string }) => project.name)).toEqual(['Second', 'Team shots']);
    expect(list.body.projects[0].avatars.map((item: { id: string }) => item.id)).toEqual([avatar.id]);
    expect(list.body.projects[1].avatars).toEqual([]);

    const one = await call(server, 'GET', `${PREFIX}/projects/${second.id}`, { token });
    expect(one.body.project).toMatchObject({ id: second.id, name: 'Second', avatars: [{ id: avatar.id, projectId: second.id }] });

    const updated = await call(server, 'PUT', `${PREFIX}/projects/${second.id}`, { token, json: { description: 'now described' } });
    expect(updated.body).toMatchObject({ message: 'Project updated successfully', project: { name: 'Second', description: 'now described' } });
    expect(updated.body.project.avatars).toBeUndefined();

    const removed = await call(server, 'DELETE', `${PREFIX}/projects/${second.id}`, { token });
    expect(removed).toMatchObject({ status: 200, body: { message: 'Project deleted successfully' } });
    expect((await call(server, 'GET', `${PREFIX}/projects/${second.id}`, { token })).status).toBe(404);
  });

  it('cascades a project delete to its avatars, their usage and their files', async () => {
    const server = await startServer({ rateLimits: false, extension: true });
    const token = await login(server);
    const project = await createProject(server, token);
    const avatar = (await upload(server, token, project.id, uploadForm(await image('png'), 'a.png'))).body.avatar;
    await call(server, 'POST', `${PREFIX}/avatars/${avatar.id}/usage`, { token, json: { appId: 'a', appName: 'A', action: 'copy' } });
    expect(server.db.usage()).toHaveLength(1);
    await call(server, 'DELETE', `${PREFIX}/projects/${project.id}`, { token });
    expect(server.db.avatars()).toEqual([]);
    expect(server.db.usage()).toEqual([]);
    expect(server.db.file(avatar.baseImageUrl)).toBeUndefined();
    expect((await call(server, 'GET', avatar.baseImageUrl)).status).toBe(404);
  });

  it("hides another user's project behind 404 RESOURCE_NOT_FOUND in the handler shape", async () => {
    const server = await startServer({ rateLimits: false });
    const alice = await login(server);
    const bob = await login(server, BOB);
    const project = await createProject(server, alice);
    const notFound = {
      status: 404,
      body: { success: false, error: { message: 'Project not found', code: 'RESOURCE_NOT_FOUND', statusCode: 404 }, timestamp: expect.any(String) },
    };
    expect(await call(server, 'GET', `${PREFIX}/projects/${project.id}`, { token: bob })).toMatchObject(notFound);
    expect(await call(server, 'PUT', `${PREFIX}/projects/${project.id}`, { token: bob, json: { name: 'mine' } })).toMatchObject(notFound);
    expect(await call(server, 'DELETE', `${PREFIX}/projects/${project.id}`, { token: bob })).toMatchObject(notFound);
    expect(await upload(server, bob, project.id, uploadForm(await image('png'), 'a.png'))).toMatchObject(notFound);
    expect((await call(server, 'GET', `${PREFIX}/projects`, { token: bob })).body.projects).toEqual([]);
    expect(server.db.projects(ALICE.email)).toHaveLength(1);
    expect(server.db.charges(BOB.email)).toBe(0);
  });

  it('answers validation failures with HTTP 500 {error: "<field>: <message>"}', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const post = (json: unknown) => call(server, 'POST', `${PREFIX}/projects`, { token, json });
    expect(await post({})).toMatchObject({ status: 500, body: { error: 'name: Required' } });
    expect((await post({ name: '' })).body).toEqual({ error: 'name: Project name is required' });
    expect((await post({ name: 'x'.repeat(101) })).body).toEqual({ error: 'name: Project name too long (max 100 characters)' });
    expect((await post({ name: 'ok', description: 'd'.repeat(501) })).body).toEqual({
      error: 'description: Description too long (max 500 characters)',
    });
    expect((await post({ name: 5, description: 7 })).body).toEqual({ error: 'Invalid name and description' });
    expect((await post([])).body).toEqual({ error: 'root: Expected object, received array' });
    const notJson = await call(server, 'POST', `${PREFIX}/projects`, { token, rawBody: '{oops' });
    expect(notJson.status).toBe(500);
    expect(typeof notJson.body.error).toBe('string');
    const put = await call(server, 'PUT', `${PREFIX}/projects/whatever`, { token, json: { name: '' } });
    expect(put).toMatchObject({ status: 500, body: { error: 'name: Project name cannot be empty' } });
    expect(server.db.projects()).toEqual([]);
  });
});
