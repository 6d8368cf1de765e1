import type { Route } from '../http/context';
import { notFoundReply, type Reply } from '../http/reply';
import { getFile } from '../store/files';

/**
 * baseImageUrl and thumbnailUrl are server-relative paths the cloud serves statically, without
 * auth (serveStatic on /uploads/*). The original is answered byte for byte as uploaded; the type
 * follows the file's extension, so a thumbnail named .png is JPEG data served as image/png.
 */
const file: Route = {
  method: 'GET',
  pattern: '/uploads/avatar-creator/:userId/:name',
  body: 'none',
  handle: async (context, services): Promise<Reply> => {
    const stored = getFile(services.db, context.path);
    if (!stored) return notFoundReply();
    return { status: 200, body: stored.bytes, contentType: stored.contentType };
  },
};

export const uploadFileRoutes: readonly Route[] = [file];
