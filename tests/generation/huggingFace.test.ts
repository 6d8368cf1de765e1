import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ProviderFailure, ProviderImage } from '../../src/main/core/generation/provider';
import type { FakeStep } from '../fakes/fakeInference';
import { WRONG_TOKEN, context, request, until, useHfKit } from './hfKit';

const hf = useHfKit();

describe('Hugging Face provider: success through the real client', () => {
  it('posts {inputs, parameters} with the bearer token to the endpoint URL, no Hub look-up, and returns the PNG', async () => {
    const ctx = context();
    const image = await hf.viaEndpoint().generate(request(), ctx);
    expect(ctx.stages).toEqual(['submitting', 'generating']);
    expect(image.mimeType).toBe('image/png');
    const meta = await sharp(image.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 192]);
    expect(hf.fake.requests).toHaveLength(1);
    const [sent] = hf.fake.requests;
    expect(sent).toMatchObject({ route: 'endpoint', method: 'POST', authPresent: true, authValid: true, outcome: 200 });
    expect(sent?.body).toEqual({
      inputs: 'studio portrait of a friendly astronaut',
      parameters: { width: 256, height: 192, num_inference_steps: 4, guidance_scale: 3.5, seed: 42 },
    });
  });

  it('sends negative_prompt only when there is one', async () => {
    await hf.viaEndpoint().generate(request({ negativePrompt: 'blurry, text' }), context());
    await hf.viaEndpoint().generate(request({ negativePrompt: '  ' }), context());
    expect(hf.inference()[0]?.body?.parameters).toMatchObject({ negative_prompt: 'blurry, text' });
    expect(hf.inference()[1]?.body?.parameters).not.toHaveProperty('negative_prompt');
  });

  it('routes through the Hub mapping to /hf-inference/models/<model> when no endpoint is set', async () => {
    // A model no other test uses: the client caches Hub mappings per model for the whole process.
    const model = 'test-owner/routing-model-auto';
    const ctx = context();
    const image = await hf.viaRouter().generate(request({ model, seed: 7 }), ctx);
    expect(ctx.stages).toEqual(['submitting', 'generating']);
    expect((await sharp(image.bytes).metadata()).width).toBe(256);
    const [hub, post] = hf.fake.requests;
    expect(hub).toMatchObject({ route: 'hub', method: 'GET', model, path: `/api/models/${model}?expand[]=inferenceProviderMapping` });
    // For `auto` the client looks the model up without the token.
    expect(hub?.authPresent).toBe(false);
    expect(post).toMatchObject({ route: 'router', method: 'POST', path: `/hf-inference/models/${model}`, authValid: true, outcome: 200 });
    expect(post?.body).toEqual({
      inputs: 'studio portrait of a friendly astronaut',
      parameters: { width: 256, height: 192, num_inference_steps: 4, guidance_scale: 3.5, seed: 7 },
    });
  });

  it('uses a named inference provider (hf-inference), sending the token to the Hub too', async () => {
    const model = 'test-owner/routing-model-named';
    await hf.viaRouter({ inferenceProvider: 'hf-inference' }).generate(request({ model }), context());
    expect(hf.fake.requests.map((entry) => [entry.route, entry.authValid])).toEqual([
      ['hub', true],
      ['router', true],
    ]);
  });

  it('returns bytes that depend on the seed, deterministically', async () => {
    const provider = hf.viaEndpoint();
    const one = await provider.generate(request({ seed: 1 }), context());
    const again = await provider.generate(request({ seed: 1 }), context());
    const two = await provider.generate(request({ seed: 2 }), context());
    expect(Buffer.from(again.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    const pixels = async (image: ProviderImage) => sharp(image.bytes).raw().toBuffer();
    expect((await pixels(two)).equals(await pixels(one))).toBe(false);
  });
});

const inOneMinute = (): string => new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000).toUTCString();

describe('Hugging Face provider: each failure becomes the right ProviderError', () => {
  const cases: ReadonlyArray<{ name: string; step: FakeStep; failure: ProviderFailure; status: number | null; mentions?: RegExp }> = [
    { name: '401', step: { status: 401 }, failure: 'auth', status: 401, mentions: /Make calls to Inference Providers.*settings\/tokens/ },
    { name: '403', step: { status: 403 }, failure: 'auth', status: 403, mentions: /settings\/tokens/ },
    { name: '402', step: { status: 402 }, failure: 'credits', status: 402, mentions: /out of Inference Providers credits.*settings\/billing/ },
    { name: '500', step: { status: 500 }, failure: 'transient', status: 500, mentions: /temporary problem/ },
    { name: '502', step: { status: 502 }, failure: 'transient', status: 502 },
    { name: '503 (not loading)', step: { status: 503 }, failure: 'transient', status: 503 },
    { name: '408', step: { status: 408 }, failure: 'transient', status: 408 },
    { name: '400 with the service message', step: { status: 400, message: 'width must be a multiple of 16' }, failure: 'rejected', status: 400, mentions: /width must be a multiple of 16/ },
    { name: '422', step: { status: 422, message: 'Input validation error' }, failure: 'rejected', status: 422, mentions: /Input validation error/ },
    { name: '404', step: { status: 404 }, failure: 'rejected', status: 404, mentions: /Endpoint URL/ },
    { name: 'a dropped connection', step: { drop: true }, failure: 'transient', status: null, mentions: /connection/ },
    { name: 'an HTML page with 200', step: { body: '<html><body>Gateway</body></html>', contentType: 'text/html; charset=utf-8' }, failure: 'bad_output', status: null, mentions: /text\/html/ },
    { name: 'an empty image', step: { body: '', contentType: 'image/png' }, failure: 'bad_output', status: null, mentions: /empty/ },
    { name: 'JSON with 200', step: { body: '{"result":"ok"}', contentType: 'application/json' }, failure: 'bad_output', status: null },
  ];

  for (const testCase of cases) {
    it(`${testCase.name} → ${testCase.failure}`, async () => {
      hf.fake.script(testCase.step);
      const error = await hf.failure(hf.viaEndpoint().generate(request(), context()));
      expect(error.failure).toBe(testCase.failure);
      expect(error.status).toBe(testCase.status);
      if (testCase.mentions) expect(error.message).toMatch(testCase.mentions);
      expect(hf.inference()).toHaveLength(1);
    });
  }

  it('429 with Retry-After in seconds → rate_limited with retryAfterMs', async () => {
    hf.fake.script({ status: 429, retryAfter: '2' });
    const error = await hf.failure(hf.viaEndpoint().generate(request(), context()));
    expect([error.failure, error.status, error.retryAfterMs]).toEqual(['rate_limited', 429, 2000]);
  });

  it('429 with Retry-After as an HTTP date → rate_limited with the time until then', async () => {
    hf.fake.script({ status: 429, retryAfter: inOneMinute() });
    const error = await hf.failure(hf.viaEndpoint().generate(request(), context()));
    expect(error.failure).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(61_000);
  });

  it('503 "model is loading" → transient after its estimated_time, sent exactly once (retry_on_error: false)', async () => {
    hf.fake.script({ status: 503, loading: true, estimatedTime: 1.5 });
    const error = await hf.failure(hf.viaEndpoint().generate(request(), context()));
    expect([error.failure, error.status, error.retryAfterMs]).toEqual(['transient', 503, 1500]);
    expect(error.message).toMatch(/still loading/);
    // Left to itself the client re-sends a 503 at once, in a loop.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hf.inference()).toHaveLength(1);
  });

  it('a wrong token → auth, from the fake service itself', async () => {
    const error = await hf.failure(hf.viaEndpoint({ token: async () => WRONG_TOKEN }).generate(request(), context()));
    expect([error.failure, error.status]).toEqual(['auth', 401]);
    expect(hf.inference()[0]).toMatchObject({ authPresent: true, authValid: false, outcome: 401 });
  });

  it('each concurrent call keeps its own Retry-After', async () => {
    hf.fake.script({ status: 429, retryAfter: '7', latencyMs: 300 }, { status: 429, retryAfter: '3' });
    const provider = hf.viaEndpoint();
    const slow = hf.failure(provider.generate(request(), context()));
    await until(() => hf.inference().length === 1);
    const fast = await hf.failure(provider.generate(request(), context()));
    expect(fast.retryAfterMs).toBe(3000);
    expect((await slow).retryAfterMs).toBe(7000);
  });
});

describe('Hugging Face provider: the token stays secret', () => {
  // Runs last (vitest keeps file order) and checks every error the tests above provoked.
  it('appears in no error message, stack, JSON or inspected cause', () => hf.expectNoTokenLeaked(20));
});
