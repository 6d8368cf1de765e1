import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export interface MultipartFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
  /** The part was longer than the limit; `bytes` holds only the start of it. */
  truncated: boolean;
}

/** Text parts and file parts by name; a repeated name keeps the last, as Hono's parseBody does. */
export interface MultipartForm {
  fields: Map<string, string>;
  files: Map<string, MultipartFile>;
}

export const MULTIPART_LIMITS = { fileBytes: 10 * 1024 * 1024, fieldBytes: 1024 * 1024, parts: 100 } as const;

/** Reads the rest of a body nobody will look at, so the connection stays usable. */
export const drain = (request: IncomingMessage): Promise<void> =>
  new Promise((resolve) => {
    if (request.readableEnded) return resolve();
    request.on('end', resolve).on('error', () => resolve()).on('close', resolve).resume();
  });

/**
 * Parses multipart/form-data with busboy. A file part longer than the cloud's 10 MB is cut at
 * one byte past it (the rest is read and dropped), so "File too large" needs no 10 MB+ buffer.
 * Anything that is not multipart yields an empty form: Hono's parseBody answers {} for it too.
 */
export const readMultipart = (request: IncomingMessage): Promise<MultipartForm> => {
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { fileSize: MULTIPART_LIMITS.fileBytes + 1, fieldSize: MULTIPART_LIMITS.fieldBytes, parts: MULTIPART_LIMITS.parts },
    });
  } catch {
    return drain(request).then(() => form);
  }
  return new Promise((resolve, reject) => {
    parser.on('field', (name, value) => form.fields.set(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // busboy finishes only after every file stream has ended, so 'end' lands before 'close' below.
      stream.on('end', () => {
        form.files.set(name, {
          filename: info.filename ?? '',
          mimeType: info.mimeType,
          bytes: Buffer.concat(chunks),
          truncated: stream.truncated === true,
        });
      });
    });
    parser.on('close', () => resolve(form));
    parser.on('error', (error: unknown) => {
      request.unpipe(parser);
      void drain(request).then(() => reject(error instanceof Error ? error : new Error(String(error))));
    });
    request.pipe(parser);
  });
};
