import path from 'node:path';
import { resolveInsideRoot } from '../main/core';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  file: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Maps a request path to a built renderer file. `/` and unknown extension-less paths get
 * index.html; anything that resolves outside the renderer folder is simply not found.
 */
export const resolveStaticFile = async (rendererDir: string, pathname: string): Promise<StaticFile | null> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || !path.extname(decoded) ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = await resolveInsideRoot(rendererDir, path.join(rendererDir, relative));
  if (!file) return null;
  const extension = path.extname(file);
  return {
    file,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    // Vite fingerprints assets; the page itself must always be fresh.
    cacheControl: extension === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  };
};
