import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImageRequest, resolveInsideRoot } from '../../src/main/core';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';

const ID = 'ava_0123456789abcdefghijklmn';

describe('image request paths', () => {
  it.each([
    `/${ID}/full`,
    `/${ID}/thumb`,
  ])('accepts %s', (raw) => {
    expect(parseImageRequest(raw)).toEqual({ avatarId: ID, variant: raw.endsWith('thumb') ? 'thumb' : 'full' });
  });

  it.each([
    '/../library.db',
    `/${ID}/../../../etc/passwd`,
    `/${ID}/full/..`,
    `/..%2f..%2fetc%2fpasswd/full`,
    `/%2e%2e/full`,
    `/${ID}%2ffull`,
    `/${ID}/full%00`,
    `/${ID}\\..\\full`,
    `/${ID}/FULL`,
    `/${ID.toUpperCase()}/full`,
    `/${ID}x/full`,
    `/${ID}/full/`,
    `//${ID}/full`,
    `/${ID}/original`,
    `/prj_0123456789abcdefghijklmn/full`,
    `/C:/Windows/win.ini`,
    '',
    '/',
  ])('refuses %j', (raw) => {
    expect(parseImageRequest(raw)).toBeNull();
  });
});

describe('resolveInsideRoot', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = tempDir('root');
    root = path.join(base, 'lib');
    mkdirSync(path.join(root, 'images'), { recursive: true });
    mkdirSync(path.join(base, 'lib-evil'), { recursive: true });
    writeFileSync(path.join(root, 'images', 'ok.png'), 'ok');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    writeFileSync(path.join(base, 'lib-evil', 'x.png'), 'sibling');
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'images', 'link.png'));
    symlinkSync(base, path.join(root, 'images', 'escape'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('resolves a real file inside', async () => {
    expect(await resolveInsideRoot(root, path.join(root, 'images', 'ok.png'))).toBe(path.join(root, 'images', 'ok.png'));
  });

  it.each([
    ['a parent path', (r: string) => path.join(r, '..', 'secret.txt')],
    ['a sibling sharing the prefix', (r: string) => path.join(`${r}-evil`, 'x.png')],
    ['a symlinked file pointing out', (r: string) => path.join(r, 'images', 'link.png')],
    ['a symlinked folder pointing out', (r: string) => path.join(r, 'images', 'escape', 'secret.txt')],
    ['the root itself', (r: string) => r],
    ['a folder inside', (r: string) => path.join(r, 'images')],
    ['a missing file', (r: string) => path.join(r, 'images', 'none.png')],
    ['an absolute outside path', () => '/etc/passwd'],
  ])('refuses %s', async (_label, candidate) => {
    expect(await resolveInsideRoot(root, candidate(root))).toBeNull();
  });
});

describe('library.resolveImage', () => {
  let lib: TestLibrary;
  let id: string;
  beforeAll(async () => {
    lib = await openTestLibrary();
    const project = await lib.must('projects.create', { name: 'P' });
    id = (await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: await makeImage('png') })).id;
  });
  afterAll(() => lib.dispose());

  it('maps an avatar id to its files with the right type', async () => {
    expect(await lib.library.resolveImage(`/${id}/full`)).toEqual({ file: lib.library.images.pathFor(id, 'full', 'png'), mimeType: 'image/png' });
    expect(await lib.library.resolveImage(`/${id}/thumb`)).toMatchObject({ mimeType: 'image/jpeg' });
  });

  it('answers null for unknown ids and hostile paths', async () => {
    for (const raw of [`/${ID}/full`, `/${id}/../../library.db`, `/${id}%2f..%2f..%2flibrary.db/full`]) {
      expect(await lib.library.resolveImage(raw)).toBeNull();
    }
  });
});
