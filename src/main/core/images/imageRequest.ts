import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImageFormat, ImageVariant } from '../../../shared/domain';
import { ID_PREFIX } from '../../../shared/ids';
import type { ImageStore } from './imageStore';
import { MIME_TYPE } from './sniffFormat';

export interface ImageRequest {
  avatarId: string;
  variant: ImageVariant;
}

/**
 * The whole grammar of an image request path: `/<avatarId>/<full|thumb>`, matched on the raw,
 * undecoded path. Anything else — `..`, percent-encoding, backslashes, extra segments — is refused
 * before a file name is ever built.
 */
const REQUEST_PATH = new RegExp(`^/(${ID_PREFIX.avatar}_[0-9a-z]{24})/(full|thumb)$`);

export const parseImageRequest = (rawPath: string): ImageRequest | null => {
  const match = REQUEST_PATH.exec(rawPath);
  if (!match) return null;
  return { avatarId: match[1]!, variant: match[2] as ImageVariant };
};

/**
 * Returns the real path of `candidate` only if it lies inside `root` once every symlink on both
 * sides is resolved; a sibling such as `/lib-evil` of root `/lib` does not count as inside.
 */
export const resolveInsideRoot = async (root: string, candidate: string): Promise<string | null> => {
  let realRoot: string;
  let realCandidate: string;
  try {
    [realRoot, realCandidate] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
  } catch {
    return null;
  }
  const relative = path.relative(realRoot, realCandidate);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const stat = await fs.stat(realCandidate).catch(() => null);
  return stat?.isFile() ? realCandidate : null;
};

export interface ResolvedImage {
  file: string;
  mimeType: string;
}

/** From a raw request path to a file that is certainly inside the library, or null (serve a 404). */
export const resolveImageRequest = async (
  store: ImageStore,
  rawPath: string,
  formatOf: (avatarId: string) => ImageFormat | null,
): Promise<ResolvedImage | null> => {
  const request = parseImageRequest(rawPath);
  if (!request) return null;
  const format = formatOf(request.avatarId);
  if (!format) return null;
  const file = await resolveInsideRoot(store.libraryDir, store.pathFor(request.avatarId, request.variant, format));
  if (!file) return null;
  return { file, mimeType: request.variant === 'thumb' ? MIME_TYPE.jpeg : MIME_TYPE[format] };
};
