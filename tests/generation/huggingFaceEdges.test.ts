import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HF_MODELS } from '../../src/shared/vocabulary';
import { TOKEN, WRONG_TOKEN, context, request, until, useHfKit } from './hfKit';

const hf = useHfKit();

describe('Hugging Face provider: cancel, time-outs, network and settings', () => {
  it('abort mid-flight → cancelled at once, and the server sees the request closed', async () => {
    hf.fake.script({ latencyMs: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    const work = hf.failure(hf.viaEndpoint().generate(request(), context(controller.signal)));
    await until(() => hf.inference().length === 1);
    controller.abort();
    const error = await work;
    expect(error.failure).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(5000);
    await until(() => hf.inference()[0]?.closedByClient === true);
    expect(hf.inference()[0]?.outcome).toBe('aborted');
  });

  it('abort while the Hub look-up hangs → cancelled (the client sends that one without our signal)', async () => {
    // A Hub that accepts the connection and never answers.
    const hub = createServer(() => undefined);
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const { port } = hub.address() as AddressInfo;
    const hanging: typeof fetch = (input, init) =>
      fetch(String(input instanceof Request ? input.url : input).replace('https://huggingface.co', `http://127.0.0.1:${port}`), init);
    const controller = new AbortController();
    const work = hf.failure(hf.viaRouter({ fetch: hanging }).generate(request({ model: 'test-owner/hanging-hub' }), context(controller.signal)));
    setTimeout(() => controller.abort(), 100);
    expect((await work).failure).toBe('cancelled');
    hub.closeAllConnections();
    await new Promise((resolve) => hub.close(resolve));
  });

  it('an already aborted signal → cancelled without a request', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await hf.failure(hf.viaEndpoint().generate(request(), context(controller.signal)))).failure).toBe('cancelled');
    expect(hf.fake.requests).toHaveLength(0);
  });

  it('no answer within timeoutMs → transient', async () => {
    hf.fake.script({ hang: true });
    const error = await hf.failure(hf.viaEndpoint({ timeoutMs: 200 }).generate(request(), context()));
    expect(error.failure).toBe('transient');
    expect(error.message).toMatch(/did not answer within/);
  });

  it('connection refused → transient', async () => {
    const url = hf.fake.url;
    await hf.restart();
    const error = await hf.failure(hf.viaEndpoint({ endpointUrl: url }).generate(request(), context()));
    expect([error.failure, error.status]).toEqual(['transient', null]);
    expect(error.message).toMatch(/^Could not reach your Inference Endpoint: the connection was refused/);
  });

  it('no token (null, empty, blank) → auth telling the user what to do, and nothing is sent', async () => {
    for (const token of [null, '', '   ']) {
      const ctx = context();
      const error = await hf.failure(hf.viaEndpoint({ token: async () => token }).generate(request(), ctx));
      expect(error.failure).toBe('auth');
      expect(error.message).toMatch(/No Hugging Face token is set.*settings\/tokens/);
      expect(ctx.stages).toEqual([]);
    }
    expect(hf.fake.requests).toHaveLength(0);
  });

  it('a token with a line break → auth, and the token is not echoed (fetch would quote the header)', async () => {
    const error = await hf.failure(hf.viaEndpoint({ token: async () => `${TOKEN.slice(0, 8)}\n${TOKEN.slice(8)}` }).generate(request(), context()));
    expect(error.failure).toBe('auth');
    expect(error.message).toMatch(/characters a token cannot have/);
    expect(error.message).not.toContain(TOKEN.slice(8));
    expect(hf.fake.requests).toHaveLength(0);
  });

  it('a trailing newline on a pasted token is forgiven', async () => {
    await hf.viaEndpoint({ token: async () => `${TOKEN}\n` }).generate(request(), context());
    expect(hf.inference()[0]?.authValid).toBe(true);
  });

  it('a token store that throws → auth', async () => {
    const error = await hf.failure(hf.viaEndpoint({ token: async () => Promise.reject(new Error('keychain locked')) }).generate(request(), context()));
    expect(error.failure).toBe('auth');
  });

  it('an unknown inference provider, or a plain-http endpoint off this computer → rejected, nothing sent', async () => {
    const unknown = await hf.failure(hf.viaRouter({ inferenceProvider: 'made-up-ai' }).generate(request(), context()));
    expect(unknown.failure).toBe('rejected');
    expect(unknown.message).toMatch(/made-up-ai.*auto/);
    for (const endpointUrl of ['http://example.com/endpoint', 'not a url', 'ftp://127.0.0.1/x']) {
      expect((await hf.failure(hf.viaEndpoint({ endpointUrl }).generate(request(), context()))).failure).toBe('rejected');
    }
    expect(hf.fake.requests).toHaveLength(0);
  });

  it('a model the Hub does not know → rejected', async () => {
    await hf.restart({ hubModels: [HF_MODELS.fluxDev] });
    const error = await hf.failure(hf.viaRouter().generate(request({ model: 'test-owner/no-such-model' }), context()));
    expect([error.failure, error.status]).toEqual(['rejected', 404]);
    expect(error.message).toMatch(/does not know this model/);
  });

  it('a wrong token at the Hub look-up (named provider) → auth', async () => {
    const error = await hf.failure(hf.viaRouter({ inferenceProvider: 'hf-inference', token: async () => WRONG_TOKEN }).generate(request({ model: 'test-owner/hub-auth' }), context()));
    expect([error.failure, error.status]).toEqual(['auth', 401]);
    expect(hf.fake.requests.map((entry) => entry.route)).toEqual(['hub']);
  });

  it('routed failures are classified the same way (429 through the router)', async () => {
    hf.fake.script({ status: 429, retryAfter: '4' });
    const error = await hf.failure(hf.viaRouter().generate(request({ model: 'test-owner/routed-429' }), context()));
    expect([error.failure, error.retryAfterMs]).toEqual(['rate_limited', 4000]);
    expect(error.message).toMatch(/^Hugging Face is limiting/);
  });
});

describe('Hugging Face provider: the token stays secret', () => {
  // Runs last (vitest keeps file order) and checks every error the tests above provoked.
  it('appears in no error message, stack, JSON or inspected cause', () => hf.expectNoTokenLeaked(15));
});
