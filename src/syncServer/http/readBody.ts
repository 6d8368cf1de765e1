import type { IncomingMessage } from 'node:http';
import { drain } from './multipart';

/** JSON routes take small bodies; past this the server stops buffering (and answers 413). */
export const JSON_BODY_LIMIT = 1024 * 1024;

export interface RawText {
  text: string;
  tooLarge: boolean;
}

export const readText = (request: IncomingMessage, limit: number = JSON_BODY_LIMIT): Promise<RawText> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge }));
    request.on('error', reject);
  });

export { drain };
