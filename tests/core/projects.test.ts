import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

describe('projects', () => {
  let lib: TestLibrary;
  beforeEach(async () => {
    let clock = 1_700_000_000_000;
    lib = await openTestLibrary({ now: () => (clock += 1000) });
  });
  afterEach(() => lib.dispose());

  it('creates, lists newest first with counts and cover, renames and describes', async () => {
    const first = await lib.must('projects.create', { name: '  Fantasy cast  ' });
    const second = await lib.must('projects.create', { name: 'Sci-fi', description: 'Ship crew' });
    expect(first).toMatchObject({ name: 'Fantasy cast', description: null, avatarCount: 0, coverAvatarId: null });

    const older = await lib.must('avatars.upload', { projectId: first.id, fileName: 'a.png', bytes: await makeImage('png') });
    const newer = await lib.must('avatars.upload', { projectId: first.id, fileName: 'b.jpg', bytes: await makeImage('jpeg') });
    expect(older.createdAt).toBeLessThan(newer.createdAt);

    const listed = await lib.must('projects.list', {});
    expect(listed.map((project) => project.id)).toEqual([second.id, first.id]);
    expect(listed[1]).toMatchObject({ avatarCount: 2, coverAvatarId: newer.id });

    const renamed = await lib.must('projects.update', { id: first.id, name: 'Fantasy', description: 'Elves' });
    expect(renamed).toMatchObject({ name: 'Fantasy', description: 'Elves', avatarCount: 2 });
    expect(renamed.updatedAt).toBeGreaterThan(first.updatedAt);
    const cleared = await lib.must('projects.update', { id: first.id, description: '' });
    expect(cleared.description).toBeNull();
  });

  it('gets a project with its avatars, newest first', async () => {
    const project = await lib.must('projects.create', { name: 'Crew' });
    const a = await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: await makeImage('png') });
    const b = await lib.must('avatars.upload', { projectId: project.id, fileName: 'b.png', bytes: await makeImage('png') });
    const detail = await lib.must('projects.get', { id: project.id });
    expect(detail.project.id).toBe(project.id);
    expect(detail.avatars.map((avatar) => avatar.id)).toEqual([b.id, a.id]);
  });

  it('deleting a project cascades to its avatars and removes their files', async () => {
    const project = await lib.must('projects.create', { name: 'Doomed' });
    const keep = await lib.must('projects.create', { name: 'Kept' });
    const doomed = await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.webp', bytes: await makeImage('webp') });
    const kept = await lib.must('avatars.upload', { projectId: keep.id, fileName: 'b.webp', bytes: await makeImage('webp') });
    const doomedFile = lib.library.images.pathFor(doomed.id, 'full', 'webp');
    const doomedThumb = lib.library.images.pathFor(doomed.id, 'thumb', 'webp');
    expect(existsSync(doomedFile) && existsSync(doomedThumb)).toBe(true);

    await lib.must('projects.delete', { id: project.id });

    expect(existsSync(doomedFile) || existsSync(doomedThumb)).toBe(false);
    expect(existsSync(lib.library.images.pathFor(kept.id, 'full', 'webp'))).toBe(true);
    expect((await lib.call('avatars.get', { id: doomed.id })).ok).toBe(false);
    expect((await lib.call('projects.get', { id: project.id })).ok).toBe(false);
    expect(await lib.must('avatars.list', {})).toHaveLength(1);
  });

  it('answers NOT_FOUND for unknown projects on every command', async () => {
    const ghost = 'prj_000000000000000000000000';
    for (const result of [
      await lib.call('projects.get', { id: ghost }),
      await lib.call('projects.update', { id: ghost, name: 'x' }),
      await lib.call('projects.delete', { id: ghost }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});
