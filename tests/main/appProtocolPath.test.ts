import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appAssetSegments, mimeTypeFor, resolveAppAsset, resolveAppAssetPath } from '../../src/main/security/appAsset';

/**
 * A fake build: <tmp>/out/renderer holds the app; beside it sit a sibling `renderer-evil`,
 * a secret one level up, and symlinks inside the renderer dir pointing out of it.
 */
let base: string;
let renderer: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-appasset-')));
  renderer = path.join(base, 'out', 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  mkdirSync(path.join(base, 'out', 'renderer-evil'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(renderer, 'assets', 'index-B3x_9a.js'), 'export {}');
  writeFileSync(path.join(renderer, 'assets', 'index-Cc1.css'), 'body{}');
  writeFileSync(path.join(base, 'out', 'renderer-evil', 'steal.js'), 'evil()');
  writeFileSync(path.join(base, 'out', 'secret.txt'), 'secret');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  symlinkSync(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'link-out.js'));
  symlinkSync(path.join(base, 'out'), path.join(renderer, 'dir-out'));
  symlinkSync(path.join(renderer, 'index.html'), path.join(renderer, 'assets', 'link-in.html'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// raw path grammar', () => {
  it.each([
    ['..', '/../secret.txt'],
    ['nested ..', '/assets/../../secret.txt'],
    ['.', '/./index.html'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded dots, upper case', '/%2E%2E/%2E%2E/secret.txt'],
    ['encoded slash', '/..%2Fsecret.txt'],
    ['encoded slash alone', '/assets%2Findex-B3x_9a.js'],
    ['encoded backslash', '/..%5Csecret.txt'],
    ['backslash', '/..\\secret.txt'],
    ['backslash inside', '/assets\\..\\..\\secret.txt'],
    ['absolute path as a second slash', '//etc/passwd'],
    ['Windows drive', '/C:/Windows/win.ini'],
    ['UNC path', '/\\\\server\\share\\x'],
    ['sibling prefix dir', '/../renderer-evil/steal.js'],
    ['hidden file', '/.env'],
    ['empty segment', '/assets//index-B3x_9a.js'],
    ['trailing slash', '/assets/'],
    ['NUL byte', '/index.html\u0000.png'],
    ['encoded NUL', '/index.html%00.png'],
    ['no leading slash', 'index.html'],
    ['query smuggled into the path', '/index.html?x'],
  ])('refuses %s', (_label, rawPath) => {
    expect(appAssetSegments(rawPath)).toBeNull();
  });

  it('maps the root to index.html and keeps plain paths', () => {
    expect(appAssetSegments('/')).toEqual(['index.html']);
    expect(appAssetSegments('/assets/index-B3x_9a.js')).toEqual(['assets', 'index-B3x_9a.js']);
  });

  it('refuses absurdly deep paths', () => {
    expect(appAssetSegments(`/${Array.from({ length: 40 }, () => 'a').join('/')}`)).toBeNull();
  });
});

describe('app:// files stay inside the renderer dir', () => {
  it('serves the built files with their types', async () => {
    expect(await resolveAppAssetPath(renderer, '/')).toEqual({
      file: path.join(renderer, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect((await resolveAppAssetPath(renderer, '/assets/index-B3x_9a.js'))?.mimeType).toBe('text/javascript; charset=utf-8');
    expect((await resolveAppAssetPath(renderer, '/assets/index-Cc1.css'))?.mimeType).toBe('text/css; charset=utf-8');
  });

  it('follows a symlink that stays inside', async () => {
    expect((await resolveAppAssetPath(renderer, '/assets/link-in.html'))?.file).toBe(path.join(renderer, 'index.html'));
  });

  it.each([
    ['a symlinked file pointing out', '/assets/link-out.js'],
    ['a file through a symlinked dir pointing out', '/dir-out/secret.txt'],
    ['a sibling dir through a symlinked dir', '/dir-out/renderer-evil/steal.js'],
    ['a missing file', '/assets/missing.js'],
    ['a directory', '/assets'],
  ])('refuses %s', async (_label, rawPath) => {
    expect(await resolveAppAssetPath(renderer, rawPath)).toBeNull();
  });

  it('is not fooled by a root given with a trailing separator or through a symlink', async () => {
    const linkedRoot = path.join(base, 'linked-renderer');
    symlinkSync(renderer, linkedRoot);
    expect((await resolveAppAssetPath(`${renderer}${path.sep}`, '/index.html'))?.file).toBe(path.join(renderer, 'index.html'));
    expect((await resolveAppAssetPath(linkedRoot, '/index.html'))?.file).toBe(path.join(renderer, 'index.html'));
    expect(await resolveAppAssetPath(linkedRoot, '/assets/link-out.js')).toBeNull();
  });
});

describe('app:// request URLs', () => {
  it('serves app://renderer only', async () => {
    expect((await resolveAppAsset(renderer, 'app://renderer/index.html'))?.file).toBe(path.join(renderer, 'index.html'));
    expect((await resolveAppAsset(renderer, 'app://renderer/'))?.file).toBe(path.join(renderer, 'index.html'));
  });

  it.each([
    'app://renderer.evil/index.html',
    'app://other/index.html',
    'app://x@renderer/index.html',
    'file:///index.html',
    'https://renderer/index.html',
    'app://renderer/..%2F..%2Fsecret.txt',
    'app://renderer/%2e%2e/%2e%2e/secret.txt',
    'app://renderer/../../secret.txt',
    'app://renderer/..\\..\\secret.txt',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(await resolveAppAsset(renderer, url)).toBeNull();
  });
});

describe('content types', () => {
  it('never guesses an executable type for unknown files', () => {
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
    expect(mimeTypeFor('A.SVG')).toBe('image/svg+xml');
  });
});
