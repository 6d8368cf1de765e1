import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { IMAGE_SCHEME } from '../shared/transport';
import type { Library } from './core';
import { resolveAppAsset } from './security/appAsset';
import { APP_SCHEME } from './security/policies';

const IMAGE_HOST = 'image';
/** An avatar's image never changes for its id (edits make a new avatar), so it may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Must run before `app` is ready. `standard` gives both schemes real origins and relative URL
 * resolution; `secure` lets the app:// page use secure-context APIs and load avatar images
 * without mixed-content blocking; neither bypasses CSP.
 */
export const registerPrivilegedSchemes = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
};

const status = (code: 404 | 405, text: string): Response =>
  new Response(text, { status: code, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

const isReadMethod = (request: Request): boolean => request.method === 'GET' || request.method === 'HEAD';

/**
 * Serves the built renderer from `rendererDir` (inside app.asar when packaged: Electron's fs
 * reads through it). Every document carries the CSP, since webRequest does not see custom schemes.
 */
export const handleAppProtocol = (rendererDir: string, csp: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isReadMethod(request)) return status(405, 'Method not allowed');
    const asset = await resolveAppAsset(rendererDir, request.url);
    if (!asset) return status(404, 'Not found');
    const body = await fs.readFile(asset.file).catch(() => null);
    if (!body) return status(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': asset.mimeType,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        // Assets are replaced wholesale by an app update; never serve a stale index.html.
        'cache-control': 'no-cache',
      },
    });
  });
};

/**
 * Serves `avatar-image://image/<avatarId>/<full|thumb>`. The core parses the raw, undecoded path
 * and only ever answers with a file inside the library, so nothing here builds a path.
 */
export const handleImageProtocol = (library: Pick<Library, 'resolveImage'>): void => {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    if (!isReadMethod(request)) return status(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== IMAGE_HOST) return status(404, 'Not found');
    const image = await library.resolveImage(url.pathname).catch(() => null);
    if (!image) return status(404, 'Not found');
    // The file can vanish between resolving and reading (deleted meanwhile): that is a 404 too.
    const file = await net.fetch(pathToFileURL(image.file).toString()).catch(() => null);
    if (!file?.ok) return status(404, 'Not found');
    if (request.method === 'HEAD') void file.body?.cancel();
    return new Response(request.method === 'HEAD' ? null : file.body, {
      status: 200,
      headers: { 'content-type': image.mimeType, 'cache-control': IMMUTABLE, 'x-content-type-options': 'nosniff' },
    });
  });
};
