import { mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImageRequest } from '../../src/main/core';
import { appAssetSegments, resolveAppAssetPath } from '../../src/main/security/appAsset';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { resolveStaticFile } from '../../src/web/staticFiles';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';

/**
 * Random request paths against every path filter: the image protocol's (core), app:// (Electron)
 * and the web bridge's static and image routes. Whatever the path — `..`, encoded dots and
 * slashes, backslashes, NUL, absolute and drive paths, look-alike unicode — a file is served only
 * from inside its root, and never a planted secret, the database, or a symlink's target outside.
 */
const SECRET = `TOP-SECRET-${Math.random().toString(36).slice(2)}`;

const SEGMENTS = [
  '..', '.', '...', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '．．', '\u2025', '..\\', '\\..', '%5c..', '..%5c', '..%2f', '%2f..',
  '%2f', '%5c', '\\', '%00', '\u0000', '%0a', ':', 'C:', 'c:\\Windows', '~', '/etc/passwd', 'etc', 'passwd', 'secret.txt', 'lib-evil', 'renderer-evil',
  'steal.js', 'library.db', 'library.db-wal', 'images', 'thumbs', 'assets', 'app.js', 'link.js', 'index.html', 'full', 'thumb', 'FULL', 'ａｖａ', 'ava_',
  '', 'a'.repeat(300),
];

/** A raw request path built from hostile pieces, or anything at all. */
const hostilePath = (extraSegments: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('/', '//', '\\', '', '/./', '/%2f'), fc.array(fc.constantFrom(...SEGMENTS, ...extraSegments), { minLength: 1, maxLength: 7 }), fc.constantFrom('/', '\\', '%2f', '%5c')).map(([lead, parts, sep]) => lead + parts.join(sep)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((text) => `/${text}`) },
    { weight: 1, arbitrary: fc.webPath() },
  );

/** Node's client sends only 0x21–0xFF in a path: everything else goes percent-encoded, as a browser would. */
const sendable = (raw: string): string => raw.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(char).replace(/%25/g, '%'));

const isInside = (root: string, file: string): boolean => {
  const relative = path.relative(realpathSync(root), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

let base: string;
let renderer: string;
let lib: TestLibrary;
let avatarId: string;
let plantedId: string;
let bridge: WebBridge;
/** Every body the bridge may legitimately answer 200 with. */
const servable = new Set<string>();

beforeAll(async () => {
  base = realpathSync(tempDir('paths'));
  renderer = path.join(base, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  mkdirSync(path.join(base, 'renderer-evil'));
  mkdirSync(path.join(base, 'lib-evil'));
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {};');
  for (const file of ['secret.txt', 'renderer-evil/steal.js', 'lib-evil/secret.txt']) writeFileSync(path.join(base, file), SECRET);
  symlinkSync(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'link.js'));
  symlinkSync(base, path.join(renderer, 'assets', 'up'));

  lib = await openTestLibrary({ dir: path.join(base, 'lib') });
  const project = await lib.must('projects.create', { name: 'Paths' });
  const png = new Uint8Array(await makeImage('png', 40, 40));
  avatarId = (await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: png })).id;
  // An avatar whose full image someone replaced with a link to a secret outside the library.
  plantedId = (await lib.must('avatars.upload', { projectId: project.id, fileName: 'b.png', bytes: png })).id;
  const planted = lib.library.images.pathFor(plantedId, 'full', 'png');
  unlinkSync(planted);
  symlinkSync(path.join(base, 'lib-evil', 'secret.txt'), planted);

  for (const file of ['index.html', 'assets/app.js']) servable.add(readFileSync(path.join(renderer, file), 'latin1'));
  for (const variant of ['full', 'thumb'] as const) servable.add(readFileSync((await lib.library.resolveImage(`/${avatarId}/${variant}`))!.file, 'latin1'));
  servable.add(readFileSync((await lib.library.resolveImage(`/${plantedId}/thumb`))!.file, 'latin1'));
  bridge = await startWebBridge({ library: lib.library, rendererDir: renderer });
});

afterAll(async () => {
  await bridge?.close();
  await lib?.library.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

const ids = () => [avatarId, plantedId];

describe('the image protocol path filter (core)', () => {
  it('parses only the exact grammar, and what it parses is the path it was given', () => {
    fc.assert(
      fc.property(hostilePath(ids()), (raw) => {
        const request = parseImageRequest(raw);
        if (request) expect(`/${request.avatarId}/${request.variant}`).toBe(raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('resolves only files inside the library, and never a planted link out of it', async () => {
    expect(await lib.library.resolveImage(`/${plantedId}/full`)).toBeNull();
    await fc.assert(
      fc.asyncProperty(hostilePath(ids()), async (raw) => {
        const image = await lib.library.resolveImage(raw);
        if (image) {
          expect(isInside(lib.dir, image.file)).toBe(true);
          expect(readFileSync(image.file, 'latin1')).not.toContain(SECRET);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the app:// path filter (Electron)', () => {
  it('keeps every resolved asset inside the renderer folder', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath([]), async (raw) => {
        const segments = appAssetSegments(raw);
        if (segments) for (const segment of segments) expect(segment).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
        const asset = await resolveAppAssetPath(renderer, raw);
        if (asset) {
          expect(isInside(renderer, asset.file)).toBe(true);
          expect(readFileSync(asset.file, 'latin1')).not.toContain(SECRET);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the web bridge static and image routes', () => {
  it('keeps every resolved static file inside the renderer folder', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath([]), async (raw) => {
        const file = await resolveStaticFile(renderer, raw);
        if (file) {
          expect(isInside(renderer, file.file)).toBe(true);
          expect(readFileSync(file.file, 'latin1')).not.toContain(SECRET);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('over HTTP, answers any path with a file it may serve, or a refusal', async () => {
    let served = 0;
    const get = (requestPath: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port: bridge.port, path: requestPath, headers: { cookie: `avatar_creator_token=${bridge.token}` } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
        });
        request.on('error', reject);
      });
    const valid = fc.constantFrom('/', '/index.html', '/assets/app.js', '/some/route', `/images/${avatarId}/full`, `/images/${avatarId}/thumb`, `/images/${plantedId}/thumb`);
    const images = fc.tuple(fc.constantFrom('/images', '/images/', '/IMAGES', '/images%2f', '/images/..'), hostilePath(ids())).map(([prefix, rest]) => prefix + rest);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostilePath(ids()), images, valid), async (raw) => {
        const requestPath = sendable(raw.startsWith('/') ? raw : `/${raw}`);
        const { status, body } = await get(requestPath);
        expect([200, 400, 404], requestPath).toContain(status);
        expect(body, requestPath).not.toContain(SECRET);
        expect(body, requestPath).not.toContain('SQLite format 3');
        if (status === 200) {
          expect(servable.has(body), requestPath).toBe(true);
          served += 1;
        }
      }),
      { numRuns: 400 },
    );
    // The property held over real answers too, not only over refusals.
    expect(served).toBeGreaterThan(20);
  });
});
