import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterEach } from 'vitest';
import { startSyncServer, type SyncServerHandle, type SyncServerOptions } from '../../src/syncServer';

export const ALICE = { email: 'alice@example.test', password: 'alice-password', name: 'Alice', creditBalance: 100 } as const;
export const BOB = { email: 'bob@example.test', password: 'bob-password', name: 'Bob', creditBalance: 100 } as const;
export const PREFIX = '/api/apps/avatar-creator';

const running: SyncServerHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A server with Alice and Bob, closed after the test. */
export const startServer = async (options: SyncServerOptions = {}): Promise<SyncServerHandle> => {
  const server = await startSyncServer({ users: [ALICE, BOB], ...options });
  running.push(server);
  return server;
};

/** A clock tests move by hand: rate-limit windows and token expiry without waiting. */
export const manualClock = (start = Date.parse('2025-06-01T12:00:00.000Z')) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  rawBody?: string;
  form?: FormData;
  headers?: Record<string, string>;
}

export const call = async (server: SyncServerHandle, method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: FormData | string | undefined = options.form;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.rawBody !== undefined) {
    body = options.rawBody;
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body: parsed };
};

export const login = async (server: SyncServerHandle, user: { email: string; password: string } = ALICE): Promise<string> => {
  const answer = await call(server, 'POST', '/api/auth/login', { json: { email: user.email, password: user.password } });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data.token as string;
};

export const createProject = async (server: SyncServerHandle, token: string, name = 'Project'): Promise<any> => {
  const answer = await call(server, 'POST', `${PREFIX}/projects`, { token, json: { name } });
  if (answer.status !== 200) throw new Error(`create project failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.project;
};

/** A solid image; small sizes keep sharp's work (and the shared cores) light. */
export const image = (format: 'png' | 'jpeg' | 'webp', width = 256, height = 256, color = '#3a7bd5'): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: color } }).toFormat(format).toBuffer();

export const uploadForm = (bytes: Buffer | undefined, filename: string, fields: Record<string, string> = { name: 'Avatar' }): FormData => {
  const form = new FormData();
  if (bytes) form.set('image', new Blob([new Uint8Array(bytes)]), filename);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};

export const upload = (server: SyncServerHandle, token: string, projectId: string, form: FormData, headers?: Record<string, string>) =>
  call(server, 'POST', `${PREFIX}/projects/${projectId}/avatars/upload`, { token, form, headers });

/** A PNG tEXt chunk right after IHDR: the marker docs/sync-api.md proposes for exactly-once without the extension. */
export const withPngText = (png: Buffer, keyword: string, text: string): Buffer => {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const afterIhdr = 8 + 4 + 4 + 13 + 4;
  return Buffer.concat([png.subarray(0, afterIhdr), length, type, data, crc, png.subarray(afterIhdr)]);
};

/** A JPEG COM segment right after SOI, the JPEG form of the same marker. */
export const withJpegComment = (jpeg: Buffer, text: string): Buffer => {
  const body = Buffer.from(text, 'utf8');
  const header = Buffer.from([0xff, 0xfe, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
};
