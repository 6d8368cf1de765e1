import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

describe('avatars', () => {
  let lib: TestLibrary;
  let projectId: string;
  beforeEach(async () => {
    lib = await openTestLibrary();
    projectId = (await lib.must('projects.create', { name: 'Cast' })).id;
  });
  afterEach(() => lib.dispose());

  it('uploads with persona and attributes, names from the file when not given', async () => {
    const avatar = await lib.must('avatars.upload', {
      projectId,
      fileName: 'C:\\photos\\ana_portrait-final.png',
      bytes: await makeImage('png', 800, 600),
      persona: { name: 'Ana', age: 31, personality: [' calm ', 'curious'] },
      attributes: { gender: 'female', hairColor: 'auburn' },
    });
    expect(avatar).toMatchObject({
      projectId,
      name: 'ana portrait final',
      sourceType: 'uploaded',
      persona: { name: 'Ana', age: 31, personality: ['calm', 'curious'], background: null },
      attributes: { gender: 'female', hairColor: 'auburn', ageRange: null, style: null },
      image: { format: 'png', width: 800, height: 600 },
      generation: null,
      usageCount: 0,
      lastUsedAt: null,
    });
    expect(avatar.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await lib.must('avatars.get', { id: avatar.id })).toEqual(avatar);
  });

  it('stores the image upright with every metadata block removed, and a 300×300 JPEG thumbnail', async () => {
    // Orientation 6 means "rotate 90° clockwise to display": a 640×480 file shows as 480×640.
    const bytes = await makeImage('jpeg', 640, 480, { orientation: 6, exif: { Artist: 'Secret Name', Copyright: 'GPS 51.5,-0.1' } });
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const avatar = await lib.must('avatars.upload', { projectId, fileName: 'x.jpg', bytes });
    expect(avatar.image).toMatchObject({ format: 'jpeg', width: 480, height: 640 });

    const stored = readFileSync(lib.library.images.pathFor(avatar.id, 'full', 'jpeg'));
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ width: 480, height: 640 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('Secret Name'))).toBe(false);

    const thumb = await sharp(readFileSync(lib.library.images.pathFor(avatar.id, 'thumb', 'jpeg'))).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 300, height: 300 });
  });

  it('updates persona and attributes partially, clearing with empty strings and null', async () => {
    const avatar = await lib.must('avatars.upload', {
      projectId,
      fileName: 'a.png',
      bytes: await makeImage('png'),
      persona: { name: 'Bo', background: 'Sailor' },
      attributes: { eyeColor: 'green', style: 'noir' },
    });
    const updated = await lib.must('avatars.update', {
      id: avatar.id,
      name: 'Captain Bo',
      persona: { age: 54, background: '' },
      attributes: { style: null, ageRange: 'mature' },
    });
    expect(updated).toMatchObject({
      name: 'Captain Bo',
      persona: { name: 'Bo', age: 54, background: null },
      attributes: { eyeColor: 'green', style: null, ageRange: 'mature' },
    });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(avatar.updatedAt);
  });

  it('moves an avatar between projects and refuses a missing target', async () => {
    const other = await lib.must('projects.create', { name: 'Other' });
    const avatar = await lib.must('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png') });
    const moved = await lib.must('avatars.move', { id: avatar.id, projectId: other.id });
    expect(moved.projectId).toBe(other.id);
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(0);
    expect(await lib.must('avatars.list', { projectId: other.id })).toHaveLength(1);
    const missing = await lib.call('avatars.move', { id: avatar.id, projectId: 'prj_000000000000000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes the row and both files', async () => {
    const avatar = await lib.must('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png') });
    expect(await lib.must('avatars.delete', { id: avatar.id })).toEqual({ id: avatar.id, projectId });
    expect(await lib.library.images.listFiles()).toEqual([]);
    expect(await lib.call('avatars.delete', { id: avatar.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pushes events for every committed change', async () => {
    const seen: string[] = [];
    lib.library.events.subscribe((event) => seen.push(event.name));
    const avatar = await lib.must('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png') });
    await lib.must('avatars.update', { id: avatar.id, name: 'Renamed' });
    await lib.must('avatars.delete', { id: avatar.id });
    await lib.must('projects.delete', { id: projectId });
    // The upload is charged, so its commit also moves the credits.
    expect(seen).toEqual(['avatar.changed', 'project.changed', 'credits.changed', 'avatar.changed', 'avatar.deleted', 'project.changed', 'project.deleted']);
  });
});
