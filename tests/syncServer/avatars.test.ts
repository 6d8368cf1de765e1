import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BOB, PREFIX, call, createProject, image, login, startServer, upload, uploadForm, withJpegComment, withPngText } from './helpers';

describe('sync server: avatars', () => {
  it('uploads with persona and attributes and answers the avatar, its project, the charge and the balance', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const project = await createProject(server, token);
    const fields = {
      name: 'Nadia',
      personaName: 'Nadia K',
      personaAge: '31',
      personaPersonality: '["calm","curious"]',
      personaBackground: 'Architect',
      gender: 'female',
      ageRange: 'adult',
      ethnicity: 'Javanese',
      bodyType: 'slim',
      hairStyle: 'bob',
      hairColor: 'black',
      eyeColor: 'brown',
      skinTone: 'warm',
      style: 'casual',
    };
    const answer = await upload(server, token, project.id, uploadForm(await image('jpeg', 512, 384), 'nadia.jpg', fields));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ message: 'Avatar uploaded successfully', creditUsed: 2, creditBalance: 98 });
    const { avatar } = answer.body;
    expect(avatar).toMatchObject({
      ...fields,
      personaAge: 31,
      projectId: project.id,
      userId: server.users[0]?.id,
      sourceType: 'uploaded',
      generationPrompt: null,
      seedUsed: null,
      usageCount: 0,
      lastUsedAt: null,
      baseImageUrl: expect.stringMatching(new RegExp(`^/uploads/avatar-creator/${server.users[0]?.id}/avatar_\\d+_[0-9a-f]+\\.jpg$`)),
      thumbnailUrl: expect.stringMatching(/_thumb\.jpg$/),
      project: { id: project.id, name: project.name },
    });
    expect(avatar.personaPersonality).toBe('["calm","curious"]');

    const got = await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}`, { token });
    expect(got.body.avatar).toEqual(avatar);
    const history = await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}/usage-history`, { token });
    expect(history).toMatchObject({ status: 200, body: { history: [], summary: [] } });
  });

  it('stores and serves the original bytes exactly, and makes its own 300×300 JPEG thumbnail', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const project = await createProject(server, token);
    const png = withPngText(await image('png', 400, 300), 'LumikuSyncKey', 'outbox-7f3c');
    const jpeg = withJpegComment(await image('jpeg', 300, 300), 'LumikuSyncKey:outbox-91aa');
    for (const [bytes, name, type] of [[png, 'marked.png', 'image/png'], [jpeg, 'marked.jpg', 'image/jpeg']] as const) {
      const { avatar } = (await upload(server, token, project.id, uploadForm(bytes, name))).body;
      const original = await call(server, 'GET', avatar.baseImageUrl);
      expect(original.status).toBe(200);
      expect(original.headers.get('content-type')).toBe(type);
      expect(Buffer.compare(original.body, bytes)).toBe(0);
      expect(original.body.includes(Buffer.from('LumikuSyncKey'))).toBe(true);
      const thumbnail = await call(server, 'GET', avatar.thumbnailUrl);
      expect(await sharp(thumbnail.body).metadata()).toMatchObject({ format: 'jpeg', width: 300, height: 300 });
    }
  });

  it('updates with JSON (personality as an array), refuses null and bad values with 500, deletes', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const project = await createProject(server, token);
    const { avatar } = (await upload(server, token, project.id, uploadForm(await image('png'), 'a.png', { name: 'A', hairColor: 'red' }))).body;
    const put = (json: unknown) => call(server, 'PUT', `${PREFIX}/avatars/${avatar.id}`, { token, json });
    const updated = await put({ name: ' Renamed ', personaPersonality: ['kind'], personaAge: 40, hairColor: '' });
    expect(updated.body).toMatchObject({
      message: 'Avatar updated successfully',
      avatar: { id: avatar.id, name: 'Renamed', personaPersonality: '["kind"]', personaAge: 40, hairColor: '' },
    });
    expect(updated.body.avatar.project).toBeUndefined();
    expect(await put({ personaPersonality: '["kind"]' })).toMatchObject({
      status: 500,
      body: { error: 'personaPersonality: Expected array, received string' },
    });
    expect((await put({ personaName: null })).body).toEqual({ error: 'personaName: Expected string, received null' });
    expect((await put({ personaAge: 121 })).body).toEqual({ error: 'personaAge: Age must not exceed 120' });
    expect((await put({ gender: 'other' })).body).toEqual({ error: 'gender: Gender must be one of: male, female, unisex' });
    expect((await put({ personaPersonality: Array(11).fill('x') })).body).toEqual({ error: 'personaPersonality: Too many personality traits (max 10)' });
    expect((await put({ personaPersonality: ['y'.repeat(51)] })).body).toEqual({
      error: 'personaPersonality.0: Personality trait too long (max 50 characters)',
    });

    const bob = await login(server, BOB);
    const hidden = { status: 404, body: { error: { code: 'RESOURCE_NOT_FOUND', message: 'Avatar not found' } } };
    expect(await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}`, { token: bob })).toMatchObject(hidden);
    expect(await call(server, 'PUT', `${PREFIX}/avatars/${avatar.id}`, { token: bob, json: { name: 'x' } })).toMatchObject(hidden);
    expect(await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}/usage-history`, { token: bob })).toMatchObject(hidden);
    expect(await call(server, 'DELETE', `${PREFIX}/avatars/${avatar.id}`, { token: bob })).toMatchObject(hidden);

    const removed = await call(server, 'DELETE', `${PREFIX}/avatars/${avatar.id}`, { token });
    expect(removed.body).toEqual({ message: 'Avatar deleted successfully' });
    expect((await call(server, 'GET', `${PREFIX}/avatars/${avatar.id}`, { token })).status).toBe(404);
    expect((await call(server, 'GET', avatar.baseImageUrl)).status).toBe(404);
  });

  it('serves a handful of presets without auth, filtered by category', async () => {
    const server = await startServer();
    const all = await call(server, 'GET', `${PREFIX}/presets`);
    expect(all.status).toBe(200);
    expect(all.body.presets.length).toBeGreaterThanOrEqual(5);
    expect(all.body.presets[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), category: expect.any(String), isPublic: true });
    const sports = await call(server, 'GET', `${PREFIX}/presets?category=sports`);
    expect(sports.body.presets.length).toBeGreaterThan(0);
    expect(sports.body.presets.every((preset: { category: string }) => preset.category === 'sports')).toBe(true);
    expect(await call(server, 'GET', `${PREFIX}/presets?category=space`)).toMatchObject({
      status: 500,
      body: { error: 'Query validation failed: category: Category must be one of: professional, casual, sports, fashion, traditional' },
    });
    const one = await call(server, 'GET', `${PREFIX}/presets/${all.body.presets[0].id}`);
    expect(one.body.preset).toEqual(all.body.presets[0]);
    expect((await call(server, 'GET', `${PREFIX}/presets/nope`)).status).toBe(404);
  });

  it('answers stats with totals, top used avatars, the balance and the cost table', async () => {
    const server = await startServer({ rateLimits: false });
    const token = await login(server);
    const project = await createProject(server, token);
    await upload(server, token, project.id, uploadForm(await image('png'), 'a.png', { name: 'Top' }));
    const stats = await call(server, 'GET', `${PREFIX}/stats`, { token });
    expect(stats.body).toEqual({
      stats: {
        totalAvatars: 1,
        totalProjects: 1,
        recentUploads: 1,
        totalUsage: 0,
        averageUsage: 0,
        topUsedAvatars: [{ id: expect.any(String), name: 'Top', usageCount: 0 }],
      },
      creditBalance: 98,
      hasEnterpriseUnlimited: false,
      costs: { generateAvatar: 10, uploadAvatar: 2, fromPreset: 8, fromReference: 12, editPersona: 0 },
    });
    expect((await call(server, 'GET', `${PREFIX}/stats`)).status).toBe(401);
  });
});
