import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import { createOfflineProvider } from '../../src/main/core/generation/providers/offlineProvider';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { BUILTIN_PRESETS, BUILTIN_PRESETS_AT } from '../../src/main/core/presets/builtinPresets';
import { BUILTIN_PRESETS_MIGRATION, builtinPresetsMigrationSql } from '../../src/main/core/presets/builtinPresetsSql';
import type { AppEvent } from '../../src/shared/contract';
import type { Generation } from '../../src/shared/domain';
import { isId } from '../../src/shared/ids';
import { PRESET_CATEGORIES } from '../../src/shared/vocabulary';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLOUD_CATEGORIES = ['professional', 'casual', 'sports', 'fashion', 'traditional'] as const;

/** Generation runs offline only: no token, no network, and a Hugging Face job would find no provider. */
const offlineLibrary = () =>
  openTestLibrary({
    generation: {
      providerFor: (kind) => (kind === 'offline' ? createOfflineProvider() : null),
      runJobs: true,
      settings: defaultSettings({ provider: 'offline' }),
      progressIntervalMs: 20,
    },
  });

describe('built-in presets', () => {
  let lib: TestLibrary;
  afterEach(async () => lib?.dispose());

  it('ship as data: at least 24, at least 4 in every cloud category plus creative, with fixed well-formed ids', () => {
    expect(BUILTIN_PRESETS.length).toBeGreaterThanOrEqual(24);
    for (const category of [...CLOUD_CATEGORIES, 'creative'] as const) {
      expect(BUILTIN_PRESETS.filter((preset) => preset.category === category).length, category).toBeGreaterThanOrEqual(4);
    }
    expect(new Set(BUILTIN_PRESETS.map((preset) => preset.id)).size).toBe(BUILTIN_PRESETS.length);
    for (const preset of BUILTIN_PRESETS) {
      expect(isId('preset', preset.id), preset.id).toBe(true);
      expect(preset.name && preset.description && preset.prompt, preset.id).toBeTruthy();
      expect(preset.persona.age, preset.id).toBeGreaterThanOrEqual(21);
      expect(preset.persona.personality?.length, preset.id).toBeGreaterThan(0);
      expect(preset.persona.background, preset.id).toBeTruthy();
      expect(Object.keys(preset.attributes).length, preset.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('migration 0004 is exactly the SQL generated from the data', () => {
    expect(readFileSync(path.join(ROOT, BUILTIN_PRESETS_MIGRATION), 'utf8')).toBe(builtinPresetsMigrationSql());
  });

  it('are seeded on a new library: every row equals the data, built-ins first, every category present', async () => {
    lib = await openTestLibrary();
    const listed = await lib.must('presets.list', {});
    expect(listed.length).toBe(BUILTIN_PRESETS.length);
    expect(new Set(listed.map((preset) => preset.category))).toEqual(new Set(PRESET_CATEGORIES));
    const byId = new Map(listed.map((preset) => [preset.id, preset]));
    for (const data of BUILTIN_PRESETS) {
      expect(byId.get(data.id)).toEqual({
        ...data,
        isBuiltin: true,
        usageCount: 0,
        previewAvatarId: null,
        createdAt: BUILTIN_PRESETS_AT,
        updatedAt: BUILTIN_PRESETS_AT,
      });
    }
    const names = listed.map((preset) => preset.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('ship a ~256×256 WebP preview each, drawn offline', async () => {
    for (const preset of BUILTIN_PRESETS) {
      const file = path.join(ROOT, 'src/renderer/public/presets', `${preset.id}.webp`);
      expect(existsSync(file), file).toBe(true);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
    }
  });

  it('filter by category and search name, description and prompt, case-insensitively, wildcards literal', async () => {
    lib = await openTestLibrary();
    const sports = await lib.must('presets.list', { category: 'sports' });
    expect(sports.length).toBeGreaterThanOrEqual(4);
    expect(sports.every((preset) => preset.category === 'sports')).toBe(true);
    expect((await lib.must('presets.list', { query: 'KIMONO' })).map((preset) => preset.name)).toEqual(['Kimono Elegance']);
    // "stethoscope" is only in the prompt; "investor" only in the description.
    expect((await lib.must('presets.list', { query: 'stethoscope' })).map((preset) => preset.name)).toEqual(['Physician']);
    expect((await lib.must('presets.list', { query: 'investor' })).map((preset) => preset.name)).toEqual(['Corporate Executive']);
    // Every word must match.
    expect((await lib.must('presets.list', { query: 'suit office' })).map((preset) => preset.name)).toEqual(['Corporate Executive']);
    expect(await lib.must('presets.list', { query: 'stethoscope', category: 'creative' })).toEqual([]);
    expect(await lib.must('presets.list', { query: '%' })).toEqual([]);
    expect(await lib.must('presets.list', { query: '_' })).toEqual([]);
    expect((await lib.call('presets.list', { category: 'nonsense' as never })).ok).toBe(false);
  });

  it('are read-only: update and delete are INVALID_STATE and change nothing', async () => {
    lib = await openTestLibrary();
    const id = BUILTIN_PRESETS[0]!.id;
    const update = await lib.call('presets.update', { id, name: 'Hijacked' });
    const remove = await lib.call('presets.delete', { id });
    expect(!update.ok && update.error.code).toBe('INVALID_STATE');
    expect(!remove.ok && remove.error.code).toBe('INVALID_STATE');
    expect((await lib.must('presets.get', { id })).name).toBe(BUILTIN_PRESETS[0]!.name);
  });
});

describe('user presets', () => {
  let lib: TestLibrary;
  afterEach(async () => lib?.dispose());

  it('are created, updated and deleted, each change pushed as an event; they list after the built-ins', async () => {
    lib = await openTestLibrary();
    const events: AppEvent[] = [];
    lib.library.events.subscribe((event) => events.push(event));
    const created = await lib.must('presets.create', {
      name: 'Aardvark Analyst',
      category: 'professional',
      description: 'Numbers person',
      persona: { age: 40, personality: ['precise'] },
      attributes: { gender: 'female', hairColor: 'black' },
      prompt: 'in a bright office',
    });
    expect(created).toMatchObject({ isBuiltin: false, usageCount: 0, previewAvatarId: null, persona: { age: 40, personality: ['precise'] }, attributes: { gender: 'female', hairColor: 'black' } });
    expect(isId('preset', created.id)).toBe(true);
    expect(events).toContainEqual({ name: 'preset.changed', payload: { preset: created } });

    const listed = await lib.must('presets.list', {});
    expect(listed.at(-1)!.id).toBe(created.id);

    const updated = await lib.must('presets.update', { id: created.id, name: 'Analyst', attributes: { gender: 'male' }, description: '' });
    expect(updated).toMatchObject({ name: 'Analyst', attributes: { gender: 'male' }, description: null, prompt: 'in a bright office' });
    expect(events.at(-1)).toEqual({ name: 'preset.changed', payload: { preset: updated } });

    expect(await lib.must('presets.delete', { id: created.id })).toEqual({ id: created.id });
    expect(events.at(-1)).toEqual({ name: 'preset.deleted', payload: { id: created.id } });
    const gone = await lib.call('presets.get', { id: created.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const again = await lib.call('presets.delete', { id: created.id });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
  });

  it('refuse bad input with the shared schema', async () => {
    lib = await openTestLibrary();
    const bad = await lib.call('presets.create', { name: '', category: 'professional' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION_FAILED');
    const missing = await lib.call('presets.create', { name: 'X', category: 'casual', fromAvatarId: 'ava_000000000000000000000000' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });
});

describe('preset → avatar, offline, with no token', () => {
  let lib: TestLibrary;
  afterEach(async () => lib?.dispose());

  const settle = async (jobs: Generation[]): Promise<Generation[]> => {
    await expect
      .poll(async () => (await Promise.all(jobs.map((job) => lib.must('generations.get', { id: job.id })))).every((job) => job.status === 'completed'), { timeout: 20_000 })
      .toBe(true);
    return Promise.all(jobs.map((job) => lib.must('generations.get', { id: job.id })));
  };

  const presetIdOf = (avatarId: string): string | null => {
    const db = new Database(path.join(lib.dir, DB_FILE_NAME), { readonly: true });
    try {
      return (db.prepare('select preset_id from avatars where id = ?').get(avatarId) as { preset_id: string | null }).preset_id;
    } finally {
      db.close();
    }
  };

  it('makes a from_preset avatar with the preset’s recipe plus overrides, real image and thumbnail files, and counts the use', async () => {
    lib = await offlineLibrary();
    const preset = BUILTIN_PRESETS.find((item) => item.name === 'Coffee Shop Regular')!;
    const projectId = (await lib.must('projects.create', { name: 'From presets' })).id;
    const jobs = await lib.must('presets.use', {
      presetId: preset.id,
      projectId,
      name: 'Mina',
      attributes: { hairColor: 'platinum blonde', eyeColor: 'blue' },
      persona: { name: 'Mina Park' },
      params: { width: 512, height: 512, seed: 11 },
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.params.provider).toBe('offline');
    expect(jobs[0]!.recipe.prompt).toBe(preset.prompt);

    const [done] = await settle(jobs);
    const avatar = await lib.must('avatars.get', { id: done!.avatarId! });
    expect(avatar).toMatchObject({
      name: 'Mina',
      projectId,
      sourceType: 'from_preset',
      persona: { name: 'Mina Park', age: preset.persona.age, personality: preset.persona.personality, background: preset.persona.background },
      attributes: { ...preset.attributes, hairColor: 'platinum blonde', eyeColor: 'blue' },
      image: { format: 'png', width: 512, height: 512 },
      generation: { provider: 'offline', seed: 11 },
    });
    expect(avatar.generation!.prompt).toContain('platinum blonde');
    expect(presetIdOf(avatar.id)).toBe(preset.id);
    const full = lib.library.images.pathFor(avatar.id, 'full', 'png');
    const thumb = lib.library.images.pathFor(avatar.id, 'thumb', 'png');
    expect(existsSync(full)).toBe(true);
    const thumbFile = [thumb, lib.library.images.pathFor(avatar.id, 'thumb', 'jpeg'), lib.library.images.pathFor(avatar.id, 'thumb', 'webp')].find(existsSync);
    expect(thumbFile).toBeDefined();
    expect((await sharp(thumbFile!).metadata()).width).toBe(300);

    expect((await lib.must('presets.get', { id: preset.id })).usageCount).toBe(1);
  });

  it('uses the preset name by default, counts each avatar, and the same seed gives the same image', async () => {
    lib = await offlineLibrary();
    const preset = BUILTIN_PRESETS.find((item) => item.category === 'sports')!;
    const projectId = (await lib.must('projects.create', { name: 'Team' })).id;
    const events: AppEvent[] = [];
    lib.library.events.subscribe((event) => events.push(event));
    const batch = await lib.must('presets.use', { presetId: preset.id, projectId, count: 2, params: { width: 256, height: 256, seed: 500 } });
    expect(batch.map((job) => job.name)).toEqual([`${preset.name} 1`, `${preset.name} 2`]);
    const usage = (await lib.must('presets.get', { id: preset.id })).usageCount;
    expect(usage).toBe(2);
    expect(events).toContainEqual({ name: 'preset.changed', payload: { preset: expect.objectContaining({ id: preset.id, usageCount: 2 }) } });
    const again = await lib.must('presets.use', { presetId: preset.id, projectId, params: { width: 256, height: 256, seed: 500 } });
    expect(again[0]!.name).toBe(preset.name);
    const done = await settle([...batch, ...again]);
    const avatars = await Promise.all(done.map((job) => lib.must('avatars.get', { id: job.avatarId! })));
    expect(avatars.every((avatar) => avatar.sourceType === 'from_preset')).toBe(true);
    // Seeds 500 and 501 in the batch; the single use repeats 500 and draws the same picture.
    expect(avatars[2]!.image.sha256).toBe(avatars[0]!.image.sha256);
    expect(avatars[1]!.image.sha256).not.toBe(avatars[0]!.image.sha256);
    expect((await lib.must('presets.get', { id: preset.id })).usageCount).toBe(3);
  });

  it('refuses an unknown preset or project without counting a use', async () => {
    lib = await offlineLibrary();
    const projectId = (await lib.must('projects.create', { name: 'P' })).id;
    const unknownPreset = await lib.call('presets.use', { presetId: 'pst_000000000000000000000000', projectId });
    expect(!unknownPreset.ok && unknownPreset.error.code).toBe('NOT_FOUND');
    const presetId = BUILTIN_PRESETS[0]!.id;
    const unknownProject = await lib.call('presets.use', { presetId, projectId: 'prj_000000000000000000000000' });
    expect(!unknownProject.ok && unknownProject.error.code).toBe('NOT_FOUND');
    expect((await lib.must('presets.get', { id: presetId })).usageCount).toBe(0);
  });

  it('saves an avatar’s recipe as a user preset that shows that avatar, and makes the same look again', async () => {
    lib = await offlineLibrary();
    const projectId = (await lib.must('projects.create', { name: 'Saved' })).id;
    const [job] = await lib.must('generations.create', {
      projectId,
      recipe: { persona: { name: 'Rui', age: 33, personality: ['calm'] }, attributes: { gender: 'male', hairStyle: 'short curly', hairColor: 'black', skinTone: 'tan' }, prompt: 'harbour at dusk' },
      params: { width: 256, height: 256, seed: 3 },
    });
    const [done] = await settle([job!]);
    const source = await lib.must('avatars.get', { id: done!.avatarId! });
    expect(source.sourceType).toBe('text_to_image');

    const saved = await lib.must('presets.create', { fromAvatarId: source.id, name: 'Rui look', category: 'casual' });
    expect(saved).toMatchObject({
      isBuiltin: false,
      category: 'casual',
      previewAvatarId: source.id,
      persona: { name: 'Rui', age: 33, personality: ['calm'] },
      attributes: { gender: 'male', hairStyle: 'short curly', hairColor: 'black', skinTone: 'tan' },
      prompt: 'harbour at dusk',
    });
    // Empty fields of the avatar are not part of the template.
    expect(saved.attributes).not.toHaveProperty('eyeColor');
    expect(saved.persona).not.toHaveProperty('background');

    // Fields given with fromAvatarId win over the avatar's.
    const tweaked = await lib.must('presets.create', { fromAvatarId: source.id, name: 'Rui, grey', category: 'casual', attributes: { hairColor: 'grey' }, prompt: 'in the rain' });
    expect(tweaked.attributes).toMatchObject({ hairColor: 'grey', hairStyle: 'short curly' });
    expect(tweaked.prompt).toBe('in the rain');

    const [again] = await settle(await lib.must('presets.use', { presetId: saved.id, projectId, params: { width: 256, height: 256, seed: 3 } }));
    const copy = await lib.must('avatars.get', { id: again!.avatarId! });
    expect(copy.sourceType).toBe('from_preset');
    expect(copy.image.sha256).toBe(source.image.sha256);
    expect(presetIdOf(copy.id)).toBe(saved.id);

    // A deleted preview avatar reads as no preview; deleting the preset keeps its avatars.
    await lib.must('avatars.delete', { id: source.id });
    expect((await lib.must('presets.get', { id: saved.id })).previewAvatarId).toBeNull();
    await lib.must('presets.delete', { id: saved.id });
    expect((await lib.must('avatars.get', { id: copy.id })).sourceType).toBe('from_preset');
    expect(presetIdOf(copy.id)).toBeNull();
  });
});
