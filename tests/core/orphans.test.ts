import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeImage } from '../helpers/images';
import { openTestLibrary } from '../helpers/library';
import { seedAvatarRows } from '../helpers/seed';

describe('start-up orphan sweep', () => {
  it('removes files without rows and rows without files, and spares young files', async () => {
    const lib = await openTestLibrary();
    const { images } = lib.library;
    const project = await lib.must('projects.create', { name: 'P' });
    const kept = await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: await makeImage('png') });
    const lost = await lib.must('avatars.upload', { projectId: project.id, fileName: 'b.png', bytes: await makeImage('png') });
    lib.library.close();

    rmSync(images.pathFor(lost.id, 'full', 'png'));
    const strayId = 'ava_0123456789abcdefghijklmn';
    writeFileSync(images.pathFor(strayId, 'full', 'png'), 'x');
    writeFileSync(images.pathFor(strayId, 'thumb', 'png'), 'x');
    writeFileSync(path.join(images.imagesDir, '.tmp-deadbeef'), 'half a file');
    writeFileSync(path.join(images.thumbsDir, 'notes.txt'), 'not ours');

    const young = await openTestLibrary({ dir: lib.dir, orphanGraceMs: 60_000 });
    expect(young.library.startupSweep).toEqual({ removedFiles: 0, removedRows: 1, removedReferences: 0 });
    expect(existsSync(images.pathFor(strayId, 'full', 'png'))).toBe(true);
    young.library.close();

    const reopened = await openTestLibrary({ dir: lib.dir, orphanGraceMs: 0 });
    expect(reopened.library.startupSweep).toEqual({ removedFiles: 5, removedRows: 0, removedReferences: 0 });
    expect((await reopened.must('avatars.list', {})).map((a) => a.id)).toEqual([kept.id]);
    const files = (await reopened.library.images.listFiles()).map((file) => path.basename(file.file)).sort();
    expect(files).toEqual([`${kept.id}.jpg`, `${kept.id}.png`]);
    reopened.dispose();
  });
});

describe('start-up orphan sweep at scale', () => {
  it('removes thousands of rows whose files are gone in one pass', async () => {
    const lib = await openTestLibrary();
    const project = await lib.must('projects.create', { name: 'Big' });
    lib.library.close();
    seedAvatarRows(lib.dir, project.id, 1_500);
    const reopened = await openTestLibrary({ dir: lib.dir });
    expect(reopened.library.startupSweep.removedRows).toBe(1_500);
    expect(await reopened.must('avatars.list', {})).toEqual([]);
    expect((await reopened.must('projects.get', { id: project.id })).project.avatarCount).toBe(0);
    reopened.dispose();
  });
});
