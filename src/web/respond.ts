import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AppErrorShape } from '../shared/errors';
import { encodeWire } from '../shared/wire';

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = encodeWire(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
};

export const sendError = (response: ServerResponse, status: number, error: AppErrorShape): void =>
  sendJson(response, status, { ok: false, error });

export const sendFile = (response: ServerResponse, file: string, contentType: string, cacheControl: string): void => {
  response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': cacheControl });
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
};
