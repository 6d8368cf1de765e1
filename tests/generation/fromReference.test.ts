import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHuggingFaceProvider } from '../../src/main/core/generation/providers/huggingFace';
import { createOfflineProvider } from '../../src/main/core/generation/providers/offlineProvider';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { HF_MODELS } from '../../src/shared/vocabulary';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const TOKEN = 'hf_test_token';
const settledStatuses = ['completed', 'failed', 'cancelled'];

/** From a reference, end to end: the real client routes through the Hub to hf-inference image-to-image on the fake. */
describe('generations.fromReference', () => {
  let fake: FakeInference;
  let lib: TestLibrary;
  let projectId: string;

  beforeAll(async () => {
    fake = await startFakeInference({ token: TOKEN });
  });
  afterAll(() => fake.close());
  afterEach(async () => lib?.dispose());

  const open = async () => {
    const huggingFace = createHuggingFaceProvider({ token: async () => TOKEN, inferenceProvider: 'auto', endpointUrl: null, fetch: fake.fetchRedirect });
    const offline = createOfflineProvider();
    lib = await openTestLibrary({
      generation: {
        providerFor: (kind) => (kind === 'huggingface' ? huggingFace : kind === 'offline' ? offline : null),
        settings: defaultSettings({ concurrency: 2, maxAttempts: 2 }),
        runJobs: true,
        retry: { baseMs: 10, capMs: 50 },
      },
    });
    projectId = (await lib.must('projects.create', { name: 'References' })).id;
  };
  const settle = async (ids: string[]) => {
    await expect
      .poll(async () => (await Promise.all(ids.map((id) => lib.must('generations.get', { id })))).every((g) => settledStatuses.includes(g.status)), { timeout: 15_000 })
      .toBe(true);
    return Promise.all(ids.map((id) => lib.must('generations.get', { id })));
  };
  const uploadPerson = () =>
    makeImage('jpeg', 640, 800).then((bytes) =>
      lib.must('avatars.upload', {
        projectId,
        fileName: 'ana.jpg',
        bytes,
        name: 'Ana',
        persona: { name: 'Ana Lima', age: 29, personality: ['calm'] },
        attributes: { gender: 'female', hairColor: 'black' },
      }),
    );

  it('edits an avatar of the library with Kontext, keeping the person and the lineage', async () => {
    await open();
    const parent = await uploadPerson();
    const before = fake.requests.length;
    const created = await lib.must('generations.fromReference', {
      projectId,
      reference: { avatarId: parent.id },
      instruction: 'same person, business suit, office background',
      params: { seed: 7 },
      count: 2,
    });
    expect(created.map((g) => g.params.seed)).toEqual([7, 8]);
    expect(created[0]).toMatchObject({
      name: 'Ana (edited) 1',
      prompt: 'same person, business suit, office background',
      params: { provider: 'huggingface', model: HF_MODELS.fluxKontext, width: 640, height: 800, steps: 28, guidance: 2.5 },
    });
    expect(created[0]!.referenceSha256).toMatch(/^[0-9a-f]{64}$/);

    const done = await settle(created.map((g) => g.id));
    expect(done.map((g) => g.status)).toEqual(['completed', 'completed']);
    const inference = fake.requests.slice(before).filter((r) => r.route === 'router');
    expect(inference).toHaveLength(2);
    for (const sent of inference) {
      expect(sent).toMatchObject({ model: HF_MODELS.fluxKontext, task: 'image-to-image', outcome: 200 });
      expect(sent.body?.parameters).toMatchObject({ prompt: 'same person, business suit, office background', guidance_scale: 2.5, num_inference_steps: 28 });
      // The reference travels as the library's normalised copy, not the avatar file itself.
      const sentImage = await sharp(Buffer.from(String(sent.body?.inputs), 'base64')).metadata();
      expect(sentImage).toMatchObject({ format: 'jpeg', width: 640, height: 800 });
    }

    const edited = await Promise.all(done.map((g) => lib.must('avatars.get', { id: g.avatarId! })));
    for (const avatar of edited) {
      expect(avatar).toMatchObject({
        sourceType: 'from_reference',
        parentAvatarId: parent.id,
        persona: { name: 'Ana Lima', age: 29, personality: ['calm'] },
        attributes: { gender: 'female', hairColor: 'black' },
        image: { width: 640, height: 800, format: 'png' },
      });
      expect(avatar.generation).toMatchObject({ prompt: 'same person, business suit, office background', model: HF_MODELS.fluxKontext });
    }
    // Two seeds, two different edits.
    expect(edited[0]!.image.sha256).not.toBe(edited[1]!.image.sha256);
  });

  it('takes an image file, downscales it to fit Kontext, and varies the edit from the copy it kept', async () => {
    await open();
    const first = fake.requests.length;
    const bytes = await makeImage('png', 2000, 1500);
    const [job] = await lib.must('generations.fromReference', { projectId, reference: { fileName: 'big.png', bytes }, instruction: 'as a watercolour painting', params: { seed: 3 } });
    expect(job).toMatchObject({ name: 'Edited avatar', params: { width: 1024, height: 768 } });
    const [done] = await settle([job!.id]);
    const avatar = await lib.must('avatars.get', { id: done!.avatarId! });
    expect(avatar).toMatchObject({ sourceType: 'from_reference', parentAvatarId: null, image: { width: 1024, height: 768 } });

    // "More like this" sends the same reference and instruction again with a new seed.
    const before = fake.requests.length;
    const [variation] = await lib.must('generations.vary', { avatarId: avatar.id });
    expect(variation).toMatchObject({ prompt: 'as a watercolour painting', referenceSha256: job!.referenceSha256, sourceAvatarId: avatar.id, params: { model: HF_MODELS.fluxKontext } });
    const [varied] = await settle([variation!.id]);
    expect(varied!.status).toBe('completed');
    expect(await lib.must('avatars.get', { id: varied!.avatarId! })).toMatchObject({ sourceType: 'from_reference', parentAvatarId: avatar.id });
    // An edit again from the kept image alone, as when its source is gone: the same file, not a re-encoded copy.
    const [again] = await lib.must('generations.fromReference', { projectId, reference: { referenceSha256: job!.referenceSha256! }, instruction: 'as an oil painting' });
    expect(again).toMatchObject({ referenceSha256: job!.referenceSha256, sourceAvatarId: null, params: { width: 1024, height: 768 } });
    expect(await lib.call('generations.fromReference', { projectId, reference: { referenceSha256: 'f'.repeat(64) }, instruction: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const sentImage = (from: number, to?: number) => fake.requests.slice(from, to).find((r) => r.task === 'image-to-image')?.body?.inputs;
    expect(sentImage(before)).toBeTypeOf('string');
    expect(sentImage(before) === sentImage(first, before)).toBe(true);
  });

  it('refuses a bad reference before any job exists, with the upload codes', async () => {
    await open();
    const count = async () => (await lib.must('generations.list', { projectId })).length;
    const notImage = await lib.call('generations.fromReference', { projectId, reference: { fileName: 'x.png', bytes: new TextEncoder().encode('not an image') }, instruction: 'x' });
    expect(notImage).toMatchObject({ ok: false, error: { code: 'IMAGE_UNSUPPORTED_FORMAT' } });
    const missing = await lib.call('generations.fromReference', { projectId, reference: { avatarId: 'ava_000000000000000000000000' }, instruction: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const blank = await lib.call('generations.fromReference', { projectId, reference: { avatarId: 'ava_000000000000000000000000' }, instruction: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'instruction' }] } });
    const offline = await lib.call('generations.fromReference', { projectId, reference: { avatarId: 'ava_000000000000000000000000' }, instruction: 'x', params: { provider: 'offline' } as never });
    expect(offline).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await count()).toBe(0);
  });

  it('keeps reference files while a job names them and sweeps them after', async () => {
    await open();
    const parent = await uploadPerson();
    const [job] = await lib.must('generations.fromReference', { projectId, reference: { avatarId: parent.id }, instruction: 'smiling' });
    await settle([job!.id]);
    const referencesDir = path.join(lib.dir, 'references');
    const file = path.join(referencesDir, `${job!.referenceSha256}.jpg`);
    expect(existsSync(file)).toBe(true);
    expect((await lib.library.sweepOrphans(0)).removedReferences).toBe(0);
    expect(existsSync(file)).toBe(true);

    await lib.must('projects.delete', { id: projectId });
    expect((await lib.library.sweepOrphans(0)).removedReferences).toBe(1);
    expect(readdirSync(referencesDir)).toEqual([]);
  });
});
