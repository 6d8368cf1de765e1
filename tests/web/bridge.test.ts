import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../src/shared/wire';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { makeImage } from '../helpers/images';

/** Raw http so tests control Host and Origin exactly (fetch forbids setting them). */
const request = (
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });

const openSocket = (url: string, headers: Record<string, string> = {}): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });

describe('web bridge', () => {
  let t: TestBridge;
  let port: number;
  let token: string;
  const invoke = (command: string, input: unknown, headers: Record<string, string> = {}) =>
    request(port, { path: `/api/invoke/${command}`, method: 'POST', headers: { 'x-avatar-token': token, 'content-type': 'application/json', ...headers }, body: encodeWire(input) });

  beforeAll(async () => {
    t = await startTestBridge();
    port = t.bridge.port;
    token = t.bridge.token;
  });
  afterAll(() => t.dispose());

  it('listens on 127.0.0.1 only and prints a URL that carries the token', () => {
    expect(t.bridge.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('runs commands through the shared router with envelopes', async () => {
    const created = await invoke('projects.create', { name: 'Over HTTP' });
    expect(created.status).toBe(200);
    expect(decodeWire(created.body)).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const invalid = decodeWire((await invoke('projects.create', { name: '' })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = decodeWire((await invoke('projects.explode', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const garbage = await request(port, { path: '/api/invoke/projects.list', method: 'POST', headers: { 'x-avatar-token': token }, body: '{nope' });
    expect(garbage.status).toBe(400);
  });

  it('refuses requests without the token, with a wrong one, or with it only in a cookie for the API', async () => {
    expect((await invoke('projects.list', {}, { 'x-avatar-token': '' })).status).toBe(401);
    expect((await invoke('projects.list', {}, { 'x-avatar-token': `${token}x` })).status).toBe(401);
    const cookieOnly = await request(port, { path: '/api/invoke/projects.list', method: 'POST', headers: { cookie: `avatar_creator_token=${token}` }, body: '{}' });
    expect(cookieOnly.status).toBe(401);
    expect((await request(port, { path: '/' })).status).toBe(401);
    expect((await request(port, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('refuses other origins and foreign Host headers (DNS rebinding)', async () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `http://127.0.0.1:${port}.evil.example`]) {
      expect((await invoke('projects.list', {}, { origin })).status, origin).toBe(403);
    }
    expect((await invoke('projects.list', {}, { origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await invoke('projects.list', {}, { host: `evil.example:${port}` })).status).toBe(421);
  });

  it('serves the page with a strict CSP and sets an HttpOnly SameSite cookie from the URL token', async () => {
    const page = await request(port, { path: `/?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    const withCookie = await request(port, { path: '/', headers: { cookie: `avatar_creator_token=${token}` } });
    expect(withCookie.status).toBe(200);
  });

  it('never serves files outside the renderer or the library', async () => {
    const cookie = { cookie: `avatar_creator_token=${token}` };
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e%5cpackage.json', '/images/../library.db', '/images/ava_x/full', '/images/%2e%2e/library.db']) {
      const response = await request(port, { path, headers: cookie });
      expect(response.body, path).not.toContain('"name": "avatar-creator"');
      expect(response.body, path).not.toContain('SQLite format');
      expect([200, 404], path).toContain(response.status);
      if (response.status === 200) expect(response.body, path).toContain('<div id="root">');
    }
  });

  it('streams events to authorised sockets and refuses the others', async () => {
    const wsUrl = `ws://127.0.0.1:${port}/api/events?token=${token}`;
    await expect(openSocket(`ws://127.0.0.1:${port}/api/events`)).rejects.toThrow('401');
    await expect(openSocket(wsUrl, { origin: 'https://evil.example' })).rejects.toThrow('403');
    const socket = await openSocket(wsUrl, { origin: `http://127.0.0.1:${port}` });
    const received = new Promise<{ name: string; payload: { project: { name: string } } }>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await invoke('projects.create', { name: 'Pushed' });
    await expect(received).resolves.toMatchObject({ name: 'project.changed', payload: { project: { name: 'Pushed' } } });
    socket.close();
  });

  it('uploads bytes through the wire codec and serves the image and thumbnail by id', async () => {
    const project = (decodeWire((await invoke('projects.create', { name: 'Images' })).body) as { value: { id: string } }).value;
    const bytes = await makeImage('webp', 400, 300);
    const upload = decodeWire((await invoke('avatars.upload', { projectId: project.id, fileName: 'x.webp', bytes })).body) as { ok: boolean; value: { id: string } };
    expect(upload.ok).toBe(true);
    const cookie = { cookie: `avatar_creator_token=${token}` };
    const full = await request(port, { path: `/images/${upload.value.id}/full`, headers: cookie });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/webp');
    expect(full.headers['cache-control']).toContain('immutable');
    const thumb = await request(port, { path: `/images/${upload.value.id}/thumb`, headers: cookie });
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await request(port, { path: `/images/${upload.value.id}/thumb` })).status).toBe(401);
  });

  it('refuses oversized bodies with PAYLOAD_TOO_LARGE before reading them whole', async () => {
    const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
    const answer = await request(port, { path: '/api/invoke/projects.list', method: 'POST', headers: { 'x-avatar-token': token }, body: big });
    expect(answer.status).toBe(413);
    expect(decodeWire(answer.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
