import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from '../../src/main/core/images/limits';
import { COMMAND_NAMES } from '../../src/shared/names';
import { decodeWire, encodeWire } from '../../src/shared/wire';
import { BRIDGE_LIMITS, UPLOAD_COMMANDS, type BridgeLimits } from '../../src/web/limits';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { createTokenBucket } from '../../src/web/tokenBucket';
import { RENDERER_DIR } from '../helpers/bridge';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { closed, openSocket, rawRequest, type RawRequest } from './rawHttp';

describe('token bucket', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 3, perSecond: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()].every((verdict) => verdict.ok)).toBe(true);
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 500 });
    now = 250;
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 250 });
    now = 500;
    expect(bucket.take()).toEqual({ ok: true });
    expect(bucket.take().ok).toBe(false);
  });

  it('never holds more than the burst, however long it rests, and a clock stepping back drains nothing', () => {
    let now = 0;
    const bucket = createTokenBucket({ burst: 2, perSecond: 100 }, () => now);
    now = 3_600_000;
    expect([bucket.take(), bucket.take(), bucket.take()].map((verdict) => verdict.ok)).toEqual([true, true, false]);
    now = 3_600_020;
    expect([bucket.take(), bucket.take()].map((verdict) => verdict.ok)).toEqual([true, true]);
    now = 0;
    expect(bucket.take().ok).toBe(false);
    now = 10;
    expect(bucket.take().ok).toBe(true);
  });
});

describe('the bridge limits', () => {
  it('sizes the upload body from the image limit, base64 included, and keeps other commands small', () => {
    expect(BRIDGE_LIMITS.uploadBodyBytes).toBeGreaterThan((IMAGE_LIMITS.maxBytes * 4) / 3);
    expect(BRIDGE_LIMITS.uploadBodyBytes).toBeLessThan((IMAGE_LIMITS.maxBytes * 4) / 3 + 1024 * 1024);
    expect(BRIDGE_LIMITS.commandBodyBytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('lists exactly the commands whose contract input carries file bytes', () => {
    // A tripwire, not a parser: each use of `fileBytes` in the contract is one upload command.
    const contract = readFileSync(fileURLToPath(new URL('../../src/shared/contract.ts', import.meta.url)), 'utf8');
    const uses = contract.match(/\bbytes: fileBytes\b/g) ?? [];
    expect(uses.length).toBe(UPLOAD_COMMANDS.size);
    for (const command of UPLOAD_COMMANDS) expect(COMMAND_NAMES).toContain(command);
  });
});

describe('a web bridge over its budgets', () => {
  const TINY: Partial<BridgeLimits> = {
    commands: { burst: 3, perSecond: 1 },
    pages: { burst: 3, perSecond: 1 },
    anonymous: { burst: 2, perSecond: 1 },
    commandBodyBytes: 4096,
    uploadsInFlight: 1,
    eventSockets: 2,
    socketBufferBytes: 256 * 1024,
  };
  let lib: TestLibrary;
  let bridge: WebBridge;
  let now = 0;
  const sockets: WebSocket[] = [];

  const call = (command: string, input: unknown, headers: Record<string, string> = {}, extra: Partial<RawRequest> = {}) =>
    rawRequest(bridge.port, {
      path: `/api/invoke/${command}`,
      method: 'POST',
      headers: { 'x-avatar-token': bridge.token, 'content-type': 'application/json', ...headers },
      body: encodeWire(input),
      ...extra,
    });
  const cookie = () => ({ cookie: `avatar_creator_token=${bridge.token}` });
  /** Each test starts with full buckets: the clock jumps far past any refill. */
  const rest = () => {
    now += 60_000;
  };

  beforeAll(async () => {
    lib = await openTestLibrary({ watch: false });
    bridge = await startWebBridge({ library: lib.library, rendererDir: RENDERER_DIR, limits: TINY, now: () => now });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) {
      socket.close();
      await closed(socket);
    }
    rest();
  });
  afterAll(async () => {
    await bridge?.close();
    await lib?.dispose();
  });

  it('answers a command over the rate with 429, Retry-After and a RATE_LIMITED envelope, then recovers', async () => {
    for (let i = 0; i < 3; i += 1) expect((await call('projects.list', {})).status).toBe(200);
    const refused = await call('projects.list', {});
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(decodeWire(refused.body)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many requests; try again in 1 second.' } });
    now += 1000;
    expect((await call('projects.list', {})).status).toBe(200);
    expect((await call('projects.list', {})).status).toBe(429);
  });

  it('keeps requests without the token in their own bucket, so a flood of them cannot lock the app out', async () => {
    const anonymous = [];
    for (let i = 0; i < 5; i += 1) anonymous.push((await call('projects.list', {}, { 'x-avatar-token': 'guess' })).status);
    expect(anonymous).toEqual([401, 401, 429, 429, 429]);
    expect((await rawRequest(bridge.port, { path: '/' })).status).toBe(429);
    expect((await call('projects.list', {})).status).toBe(200);
    expect((await rawRequest(bridge.port, { path: '/', headers: cookie() })).status).toBe(200);
  });

  it('budgets pages, assets and images of the token holder separately from its commands', async () => {
    const pages = [];
    for (let i = 0; i < 4; i += 1) pages.push((await rawRequest(bridge.port, { path: '/images/ava_000000000000000000000000/thumb', headers: cookie() })).status);
    expect(pages).toEqual([404, 404, 404, 429]);
    expect((await call('projects.list', {})).status).toBe(200);
  });

  it('refuses socket upgrades over the budget with 429 and more sockets than allowed with 503', async () => {
    const url = `ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`;
    sockets.push(await openSocket(url), await openSocket(url));
    await expect(openSocket(url)).rejects.toMatchObject({ status: 503 });
    rest();
    for (const socket of sockets.splice(0)) {
      socket.close();
      await closed(socket);
    }
    sockets.push(await openSocket(url));
    await openSocket(url).then((socket) => sockets.push(socket));
    await expect(openSocket(url)).rejects.toMatchObject({ status: 503 });
    await expect(openSocket(url)).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
  });

  it('closes a socket that sends anything (1008) or too much (1009)', async () => {
    const url = `ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`;
    const chatty = await openSocket(url);
    chatty.send('hello');
    expect(await closed(chatty)).toBe(1008);
    const big = await openSocket(url);
    big.send('x'.repeat(BRIDGE_LIMITS.socketMessageBytes + 1));
    expect(await closed(big)).toBe(1009);
  });

  it('drops a socket that stops reading instead of queueing events for it without end', async () => {
    const socket = await openSocket(`ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`);
    let received = 0;
    socket.on('message', () => (received += 1));
    const gone = closed(socket);
    (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const filler = 'x'.repeat(64 * 1024);
    const EVENTS = 400;
    for (let i = 0; i < EVENTS; i += 1) lib.library.events.emit({ name: 'project.deleted', payload: { id: filler } } as never);
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await gone).toBe(1006);
    expect(received).toBeLessThan(EVENTS);
  });

  it('refuses a body over the command limit with 413 PAYLOAD_TOO_LARGE, by its declared length or as it streams', async () => {
    const big = { name: 'x'.repeat(5000) };
    const declared = await call('projects.create', big);
    expect(declared.status).toBe(413);
    expect(decodeWire(declared.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const streamed = await call('projects.create', big, { 'transfer-encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    expect(await lib.must('projects.list', {})).toEqual([]);
  });

  it('lets an upload carry a whole image at the size limit, and no more than that', async () => {
    const projectId = (await lib.must('projects.create', { name: 'Uploads' })).id;
    const atLimit = new Uint8Array(IMAGE_LIMITS.maxBytes).fill(7);
    const fits = await call('avatars.upload', { projectId, fileName: 'big.png', bytes: atLimit });
    expect(fits.status).toBe(200);
    // The body passed; the core then judges the bytes (not an image), never the bridge.
    expect(decodeWire(fits.body)).toMatchObject({ ok: false, error: { code: 'IMAGE_UNSUPPORTED_FORMAT' } });
    const over = await call('avatars.upload', { projectId, fileName: 'big.png', bytes: new Uint8Array(IMAGE_LIMITS.maxBytes + 256 * 1024) });
    expect(over.status).toBe(413);
    expect(decodeWire(over.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('reads one upload body at a time (here) and refuses the next with 429 while it is in flight', async () => {
    const projectId = (await lib.must('projects.list', {}))[0]!.id;
    // An upload whose body arrives slowly: headers and a first chunk, then nothing until released.
    const body = Buffer.from(encodeWire({ projectId, fileName: 'slow.png', bytes: new Uint8Array(16) }));
    const slow = http.request({
      host: '127.0.0.1',
      port: bridge.port,
      path: '/api/invoke/avatars.upload',
      method: 'POST',
      headers: { host: `127.0.0.1:${bridge.port}`, 'x-avatar-token': bridge.token, 'content-length': String(body.length) },
    });
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write(body.subarray(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await call('avatars.upload', { projectId, fileName: 'second.png', bytes: new Uint8Array(16) });
    expect(second.status).toBe(429);
    expect(decodeWire(second.body)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await call('projects.list', {})).status).toBe(200);
    slow.end(body.subarray(10));
    expect(await slowAnswer).toBe(200);
    rest();
    expect((await call('avatars.upload', { projectId, fileName: 'third.png', bytes: new Uint8Array(16) })).status).toBe(200);
  });

  it('answers a malformed command escape or request target with a refusal, and stays up', async () => {
    const lone = await call('%', {});
    expect(lone.status).toBe(200);
    expect(decodeWire(lone.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    // Absolute-form targets whose host URL cannot parse: once a crash of the whole bridge, for anyone on the machine.
    for (const target of ['http://[', 'http://%zz/']) {
      expect(await rawStatusLine(bridge.port, `GET ${target} HTTP/1.1`)).toBe('HTTP/1.1 400 Bad Request');
      expect(await rawStatusLine(bridge.port, `GET ${target} HTTP/1.1`, { upgrade: 'websocket', connection: 'Upgrade' })).toBe('HTTP/1.1 400 Bad Request');
    }
    expect((await call('projects.list', {})).status).toBe(200);
  });
});

/** The first line of the answer to a hand-written request: node's http client refuses to send such targets. */
const rawStatusLine = (port: number, requestLine: string, headers: Record<string, string> = {}): Promise<string> =>
  new Promise((resolve, reject) => {
    const lines = [requestLine, `Host: 127.0.0.1:${port}`, 'Connection: close', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
