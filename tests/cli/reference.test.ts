import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { runCli } from '../helpers/cli';
import { makeImage } from '../helpers/images';
import { tempDir } from '../helpers/library';

describe('avatar-creator reference', () => {
  let fake: FakeInference;
  let dir: string;
  const cli = (...args: string[]) => runCli(['--library', dir, ...args], { HF_TOKEN: 'hf_test_token', AVATAR_CREATOR_HF_ENDPOINT: fake.url });

  beforeAll(async () => {
    fake = await startFakeInference();
  });
  afterAll(() => fake.close());
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an avatar from an image file, then one from that avatar, keeping the lineage', async () => {
    dir = tempDir('ref-cli');
    const projectId = (await cli('--json', 'project', 'create', 'Refs')).json().id;
    const file = path.join(dir, 'face.jpg');
    writeFileSync(file, await makeImage('jpeg', 320, 400));

    const fromFile = await cli('--json', 'reference', projectId, file, '--instruction', 'wearing a red scarf', '--seed', '5');
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const [first] = (await cli('--json', 'avatar', 'list', '--project', projectId)).json();
    expect(first).toMatchObject({ sourceType: 'from_reference', parentAvatarId: null, generation: { prompt: 'wearing a red scarf', seed: 5 } });

    const fromAvatar = await cli('--json', 'reference', projectId, first.id, '--instruction', 'same person at the beach', '--count', '2');
    expect(fromAvatar.code, fromAvatar.stderr).toBe(0);
    const avatars = (await cli('--json', 'avatar', 'list', '--project', projectId)).json();
    expect(avatars.filter((a: { parentAvatarId: string | null }) => a.parentAvatarId === first.id)).toHaveLength(2);
    const sent = fake.requests.filter((request) => request.route === 'endpoint' && request.task === 'image-to-image');
    expect(sent.map((request) => request.body?.parameters?.prompt)).toEqual(['wearing a red scarf', 'same person at the beach', 'same person at the beach']);
  });

  it('refuses a missing file and an empty instruction with stable codes, creating nothing', async () => {
    dir = tempDir('ref-cli');
    fake.requests.length = 0;
    const projectId = (await cli('--json', 'project', 'create', 'Refs')).json().id;
    const missing = await cli('--json', 'reference', projectId, path.join(dir, 'nope.png'), '--instruction', 'x');
    expect(missing.code).toBe(1);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const blank = await cli('--json', 'reference', projectId, 'ava_000000000000000000000000', '--instruction', ' ');
    expect(blank.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await cli('--json', 'avatar', 'list', '--project', projectId)).json()).toEqual([]);
    expect(fake.requests.filter((request) => request.route === 'endpoint')).toHaveLength(0);
  });
});
