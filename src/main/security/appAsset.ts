import path from 'node:path';
import { resolveInsideRoot } from '../core';
import { APP_HOST, APP_SCHEME } from './policies';

export interface AppAsset {
  file: string;
  mimeType: string;
}

export const APP_ENTRY_FILE = 'index.html';

/**
 * One path segment of a built renderer file (Vite emits names like `index-B3x_9a.js`). No leading
 * dot rules out `.`, `..` and hidden files; no `%`, `\`, `:` or NUL rules out encoded traversal,
 * Windows separators and drive letters before any file name is built.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_SEGMENTS = 16;

/** The segments of a raw, undecoded request path, or null when it is anything but a plain relative file path. */
export const appAssetSegments = (rawPath: string): string[] | null => {
  if (rawPath === '' || rawPath === '/') return [APP_ENTRY_FILE];
  if (!rawPath.startsWith('/')) return null;
  const segments = rawPath.slice(1).split('/');
  if (segments.length > MAX_SEGMENTS || !segments.every((segment) => SEGMENT.test(segment))) return null;
  return segments;
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Served with nosniff, so an unknown type must be one the browser will not execute. */
export const mimeTypeFor = (file: string): string => MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * From a raw request path to a file certainly inside the built renderer directory, or null (404).
 * The grammar check refuses tricks early; resolveInsideRoot then follows symlinks on both sides
 * so a link inside the directory cannot point out of it, and `renderer-evil` is not `renderer`.
 */
export const resolveAppAssetPath = async (rendererDir: string, rawPath: string): Promise<AppAsset | null> => {
  const segments = appAssetSegments(rawPath);
  if (!segments) return null;
  const file = await resolveInsideRoot(rendererDir, path.join(rendererDir, ...segments));
  return file ? { file, mimeType: mimeTypeFor(file) } : null;
};

/** The same for a whole `app://renderer/…` request URL: any other scheme or host is refused. */
export const resolveAppAsset = async (rendererDir: string, requestUrl: string): Promise<AppAsset | null> => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  return resolveAppAssetPath(rendererDir, url.pathname);
};
