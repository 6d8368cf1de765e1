import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeInference } from '../fakes/fakeInference';
import type { FakeInference, FakeInferenceOptions } from '../fakes/fakeInference';

let fake: FakeInference | null = null;
const start = async (options: FakeInferenceOptions = {}): Promise<FakeInference> => {
  fake = await startFakeInference(options);
  return fake;
};
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const post = (server: FakeInference, body: unknown = { inputs: 'x', parameters: { width: 32, height: 16, seed: 1 } }, token = 'hf_test_token') =>
  fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fake inference server', () => {
  it('listens on loopback only and answers a PNG of the requested size, or of imageSize when set', async () => {
    const server = await start();
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await post(server);
    expect(response.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([32, 16]);
    await server.close();
    const small = await start({ imageSize: { width: 8, height: 8 } });
    const smallMeta = await sharp(Buffer.from(await (await post(small)).arrayBuffer())).metadata();
    expect([smallMeta.width, smallMeta.height]).toEqual([8, 8]);
  });

  it('plays scripted steps in order, then the default (which setDefault changes)', async () => {
    const server = await start();
    server.script({ status: 500 }, { status: 429, retryAfter: '2' });
    const first = await post(server);
    const second = await post(server);
    expect([first.status, second.status, second.headers.get('retry-after')]).toEqual([500, 429, '2']);
    expect(await first.json()).toEqual({ error: 'Internal Server Error' });
    expect((await post(server)).status).toBe(200);
    server.setDefault({ status: 503, loading: true, estimatedTime: 3 });
    const loading = await post(server);
    expect([loading.status, await loading.json()]).toEqual([503, { error: 'Model endpoint is currently loading', estimated_time: 3 }]);
  });

  it('answers 401 like the service for a missing or wrong token, and records it', async () => {
    const server = await start({ token: 'hf_right' });
    expect((await post(server, undefined, 'hf_wrong')).status).toBe(401);
    const missing = await fetch(server.url, { method: 'POST', body: '{"inputs":"x"}' });
    expect(await missing.json()).toEqual({ error: 'You must provide a token in the Authorization header' });
    expect(server.requests.map((entry) => [entry.authPresent, entry.authValid, entry.outcome])).toEqual([
      [true, false, 401],
      [false, false, 401],
    ]);
  });

  it('throttles with 429 + Retry-After: 1 above rateLimitAbove requests in flight', async () => {
    const server = await start({ rateLimitAbove: 2, defaultStep: { latencyMs: 150 } });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => post(server).then((response) => response.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(3);
    expect(server.inFlight()).toBe(0);
  });

  it('stops a latency step when the client goes away, and close() ends hung and slow requests', async () => {
    const server = await start();
    server.script({ latencyMs: 60_000 }, { latencyMs: 60_000 }, { hang: true });
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const slow = post(server).catch(() => 'failed');
    await until(() => server.inFlight() === 1);
    const controller = new AbortController();
    void fetch(server.url, { method: 'POST', body: '{}', signal: controller.signal }).catch(() => undefined);
    await until(() => server.inFlight() === 2);
    controller.abort();
    await until(() => server.requests[1]?.closedByClient === true);
    expect(server.requests[1]?.outcome).toBe('aborted');
    const hung = post(server).catch(() => 'failed');
    await until(() => server.requests[2]?.outcome === 'hung');
    await server.close();
    expect([await slow, await hung]).toEqual(['failed', 'failed']);
  });

  it('sends unknown paths a JSON 404 and serves the Hub look-up with an hf-inference mapping', async () => {
    const server = await start();
    expect((await fetch(`${server.origin}/nope`)).status).toBe(404);
    const info = await server.fetchRedirect('https://huggingface.co/api/models/a/b?expand[]=inferenceProviderMapping');
    expect(await info.json()).toEqual({
      _id: 'fake-a/b',
      id: 'a/b',
      inferenceProviderMapping: [{ provider: 'hf-inference', providerId: 'a/b', status: 'live', task: 'text-to-image' }],
    });
    const routed = await server.fetchRedirect('https://router.huggingface.co/hf-inference/models/a/b', {
      method: 'POST',
      headers: { authorization: 'Bearer hf_test_token' },
      body: JSON.stringify({ inputs: 'x', parameters: { width: 8, height: 8 } }),
    });
    expect(routed.status).toBe(200);
    expect(server.requests.map((entry) => [entry.route, entry.model])).toEqual([
      ['unknown', null],
      ['hub', 'a/b'],
      ['router', 'a/b'],
    ]);
  });
});
