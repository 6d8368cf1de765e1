import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generationFromEnvironment } from '../../src/main/core/generation/fromEnvironment';
import { createEnvironmentVault } from '../../src/main/core/settings/environmentVault';
import { memoryBackend } from '../../src/main/core/settings/backend';
import { SettingsService } from '../../src/main/core/settings/settingsService';
import type { TokenVault } from '../../src/main/core/settings/tokenVault';
import type { AppEvent } from '../../src/shared/contract';
import type { TokenStatus } from '../../src/shared/settings';
import { makeFetchRedirect } from '../fakes/fetchRedirect';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const VALID = 'hf_test_token';

let fake: FakeInference;
const libraries: TestLibrary[] = [];
beforeAll(async () => {
  fake = await startFakeInference({ token: VALID });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  for (const lib of libraries.splice(0)) await lib.dispose();
});

/** A library wired like the web bridge: the Node vault over `env`, settings in memory, the token check sent to `hubFetch`. */
const open = async ({ env = {}, hubFetch = fake.fetchRedirect }: { env?: NodeJS.ProcessEnv; hubFetch?: typeof fetch } = {}) => {
  const vault: TokenVault = createEnvironmentVault({ env });
  const settings = new SettingsService({ backend: memoryBackend(), tokenIsSet: () => vault.status().storage !== 'none', log: () => {} });
  const lib = await openTestLibrary({ vault, settings, hubFetch });
  libraries.push(lib);
  const events: AppEvent[] = [];
  lib.library.events.subscribe((event) => events.push(event));
  const tokenEvents = () => events.flatMap((event) => (event.name === 'token.changed' ? [event.payload.status] : []));
  return { lib, env, tokenEvents };
};

const whoamiRequests = () => fake.requests.filter((request) => request.path === '/api/whoami-v2');

describe('token.verify against the Hub', () => {
  it('a valid token: valid, with the account name, announced once', async () => {
    const { lib, tokenEvents } = await open();
    await lib.must('token.set', { token: VALID, keep: 'session' });
    const before = whoamiRequests().length;
    const status = await lib.must('token.verify', {});
    expect(status).toMatchObject({ state: 'valid', storage: 'session', account: 'test-user', canEncrypt: false });
    expect(status.checkedAt).toEqual(expect.any(Number));
    const requests = whoamiRequests().slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ route: 'hub', method: 'GET', authPresent: true, authValid: true, outcome: 200 });
    expect(tokenEvents().at(-1)).toEqual(status);
    expect(await lib.must('token.status', {})).toEqual(status);
  });

  it('a refused token: invalid; setting another one forgets the verdict', async () => {
    const { lib, tokenEvents } = await open();
    await lib.must('token.set', { token: 'hf_revoked', keep: 'session' });
    const status = await lib.must('token.verify', {});
    expect(status).toMatchObject({ state: 'invalid', account: null });
    expect(whoamiRequests().at(-1)).toMatchObject({ route: 'hub', authValid: false, outcome: 401 });
    const again = await lib.must('token.set', { token: VALID, keep: 'session' });
    expect(again).toMatchObject({ state: 'set', account: null, checkedAt: null });
    expect(tokenEvents().map((event) => event.state)).toEqual(['set', 'invalid', 'set']);
  });

  it('the Hub unreachable: PROVIDER_UNAVAILABLE, and the status stays what it was', async () => {
    // A port where nothing listens any more.
    const gone = await startFakeInference();
    await gone.close();
    let hub: typeof fetch = fake.fetchRedirect;
    const { lib, tokenEvents } = await open({ hubFetch: (input, init) => hub(input, init) });
    await lib.must('token.set', { token: VALID, keep: 'session' });
    const valid = await lib.must('token.verify', {});
    hub = makeFetchRedirect(gone.origin);
    const eventsBefore = tokenEvents().length;
    const answer = await lib.call('token.verify', {});
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'Could not reach Hugging Face to check the token: the connection was refused.',
    });
    expect(await lib.must('token.status', {})).toEqual(valid);
    expect(tokenEvents()).toHaveLength(eventsBefore);
  });

  it('a Hub error that says nothing about the token keeps the last verdict', async () => {
    const failing: typeof fetch = async () => new Response('{"error":"Service Unavailable"}', { status: 503 });
    let hub: typeof fetch = fake.fetchRedirect;
    const { lib } = await open({ hubFetch: (input, init) => hub(input, init) });
    await lib.must('token.set', { token: VALID, keep: 'session' });
    const valid = await lib.must('token.verify', {});
    hub = failing;
    const answer = await lib.call('token.verify', {});
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', message: expect.stringContaining('HTTP 503') });
    expect(await lib.must('token.status', {})).toEqual(valid);
  });

  it('with no token there is nothing to ask', async () => {
    const { lib } = await open();
    const before = whoamiRequests().length;
    expect(await lib.must('token.verify', {})).toEqual({ state: 'unset', storage: 'none', canEncrypt: false, account: null, checkedAt: null });
    expect(whoamiRequests()).toHaveLength(before);
  });
});

describe('the Node shells’ vault (web bridge, CLI)', () => {
  it('reads HF_TOKEN per call; a verdict belongs to the token it was about', async () => {
    const { lib, env } = await open({ env: { HF_TOKEN: VALID } });
    expect(await lib.must('token.status', {})).toMatchObject({ state: 'set', storage: 'environment' });
    expect((await lib.must('token.verify', {})).state).toBe('valid');
    env.HF_TOKEN = 'hf_another';
    expect(await lib.must('token.status', {})).toMatchObject({ state: 'set', storage: 'environment', account: null });
  });

  it('refuses to persist (it cannot encrypt), keeps a session token, and clear unsets even HF_TOKEN', async () => {
    const { lib, tokenEvents } = await open({ env: { HF_TOKEN: 'hf_fromEnvironment' } });
    const refused = await lib.call('token.set', { token: VALID });
    expect(refused.ok ? null : refused.error.code).toBe('UNSUPPORTED');
    expect(refused.ok ? '' : refused.error.message).toMatch(/cannot store the token encrypted/);
    const refusedWithConsent = await lib.call('token.set', { token: VALID, keep: 'persist', allowWeakStorage: true });
    expect(refusedWithConsent.ok).toBe(false);
    expect(tokenEvents()).toEqual([]);

    expect(await lib.must('token.set', { token: VALID, keep: 'session' })).toMatchObject({ state: 'set', storage: 'session' });
    const cleared = await lib.must('token.clear', {});
    expect(cleared).toEqual({ state: 'unset', storage: 'none', canEncrypt: false, account: null, checkedAt: null });
    expect(tokenEvents().map((status: TokenStatus) => status.storage)).toEqual(['session', 'none']);
  });

  it('the default provider is offline until a token is set, then Hugging Face', async () => {
    const { lib } = await open();
    const project = await lib.must('projects.create', { name: 'Default provider' });
    const before = await lib.must('generations.create', { projectId: project.id, recipe: { prompt: 'a portrait' } });
    expect(before[0]?.params.provider).toBe('offline');
    await lib.must('token.set', { token: VALID, keep: 'session' });
    const after = await lib.must('generations.create', { projectId: project.id, recipe: { prompt: 'a portrait' } });
    expect(after[0]?.params.provider).toBe('huggingface');
    await lib.must('token.clear', {});
    const cleared = await lib.must('generations.create', { projectId: project.id, recipe: { prompt: 'a portrait' }, params: { provider: 'huggingface' } });
    // Always selectable per request, token or not.
    expect(cleared[0]?.params.provider).toBe('huggingface');
  });

  it('generation built from the environment brings its vault: the token commands see the token the jobs use', async () => {
    const env: NodeJS.ProcessEnv = { HF_TOKEN: VALID };
    const lib = await openTestLibrary({ generation: generationFromEnvironment(env, { runJobs: false }), hubFetch: fake.fetchRedirect });
    libraries.push(lib);
    expect(await lib.must('token.verify', {})).toMatchObject({ state: 'valid', storage: 'environment' });
    delete env.HF_TOKEN;
    expect((await lib.must('token.status', {})).state).toBe('unset');
  });

  it('refuses a token with spaces before any storage sees it', async () => {
    const { lib, tokenEvents } = await open();
    const answer = await lib.call('token.set', { token: 'hf_two words', keep: 'session' });
    expect(answer.ok ? null : answer.error.code).toBe('VALIDATION_FAILED');
    expect(tokenEvents()).toEqual([]);
    expect((await lib.must('token.status', {})).state).toBe('unset');
  });
});
