import type { IncomingMessage } from 'node:http';
import { AppError, ErrorCode } from '../shared/errors';

/** Reads a request body, refusing it as soon as it passes `limit` bytes instead of buffering it all. */
export const readBody = (request: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The request is larger than ${limit} bytes.`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The request is larger than ${limit} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
