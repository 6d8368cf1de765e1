import type { IncomingMessage } from 'node:http';
import { AppError, ErrorCode } from '../shared/errors';

const tooLarge = (limit: number): AppError => new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The request is larger than ${limit} bytes.`);

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes instead of buffering it
 * all. The rest is discarded, not destroyed: destroying the socket would lose the 413 answer; the
 * caller answers with `Connection: close`, which ends the upload right after the answer.
 */
export const readBody = (request: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
