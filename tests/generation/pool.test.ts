import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/main/core/generation/provider';
import { defaultSettings } from '../../src/main/core/generation/settings';
import type { Generation } from '../../src/shared/domain';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { createTestProvider, type TestProvider } from '../helpers/testProvider';

const FAST_RETRY = { baseMs: 20, capMs: 100 };

describe('generation pool', () => {
  let lib: TestLibrary;
  let provider: TestProvider;
  let projectId: string;

  const open = async (options: { concurrency?: number; latencyMs?: number; maxAttempts?: number } = {}) => {
    provider = createTestProvider(options.latencyMs ?? 30);
    lib = await openTestLibrary({
      generation: {
        providerFor: (kind) => (kind === 'huggingface' ? provider : null),
        settings: defaultSettings({ concurrency: options.concurrency ?? 4, maxAttempts: options.maxAttempts ?? 3 }),
        runJobs: true,
        retry: FAST_RETRY,
        progressIntervalMs: 20,
      },
    });
    projectId = (await lib.must('projects.create', { name: 'Gen' })).id;
  };
  const settled = (ids: string[], timeout = 10_000) =>
    expect
      .poll(async () => (await lib.must('generations.list', { projectId })).filter((g) => ids.includes(g.id) && ['completed', 'failed', 'cancelled'].includes(g.status)).length, { timeout })
      .toBe(ids.length);
  const get = (id: string) => lib.must('generations.get', { id });

  afterEach(async () => lib?.dispose());

  it('turns a recipe into rows first, then avatars with their prompt, seed and model', async () => {
    await open();
    const created = await lib.must('generations.create', {
      projectId,
      recipe: { persona: { name: 'Ana', age: 31 }, attributes: { gender: 'female', hairColor: 'auburn' }, prompt: 'rainy street' },
      params: { seed: 42, width: 512, height: 768 },
      count: 3,
    });
    expect(created.map((g) => g.params.seed)).toEqual([42, 43, 44]);
    expect(created.every((g) => g.batchId === created[0]!.batchId && g.batchId !== null)).toBe(true);
    expect(created[0]).toMatchObject({ name: 'Ana', priority: 'batch', params: { model: 'black-forest-labs/FLUX.1-dev', width: 512, height: 768, steps: 30, guidance: 3.5 } });
    expect(created[0]!.prompt).toContain('auburn');
    await settled(created.map((g) => g.id));

    const done = await Promise.all(created.map((g) => get(g.id)));
    expect(done.map((g) => g.status)).toEqual(['completed', 'completed', 'completed']);
    const avatars = await lib.must('avatars.list', { projectId });
    expect(avatars).toHaveLength(3);
    for (const generation of done) {
      const avatar = avatars.find((a) => a.id === generation.avatarId)!;
      expect(avatar).toMatchObject({ sourceType: 'text_to_image', persona: { name: 'Ana', age: 31 }, attributes: { gender: 'female', hairColor: 'auburn' } });
      expect(avatar.generation).toMatchObject({ prompt: generation.prompt, seed: generation.params.seed, model: generation.params.model, provider: 'huggingface' });
      expect(existsSync(lib.library.images.pathFor(avatar.id, 'full', 'png'))).toBe(true);
      expect(existsSync(lib.library.images.pathFor(avatar.id, 'thumb', 'png'))).toBe(true);
    }
  });

  it('pushes changes and throttled progress as events, never needing a poll', async () => {
    await open({ latencyMs: 150 });
    const names: string[] = [];
    const stages: string[] = [];
    lib.library.events.subscribe((event) => {
      names.push(event.name);
      if (event.name === 'generation.changed') stages.push(`${event.payload.generation.status}:${event.payload.generation.stage}`);
    });
    const [job] = await lib.must('generations.create', { projectId, recipe: {}, params: { seed: 1 } });
    await settled([job!.id]);
    expect(stages).toEqual(expect.arrayContaining(['pending:queued', 'processing:submitting', 'processing:generating', 'processing:saving', 'completed:done']));
    const progress = names.filter((name) => name === 'generation.progress').length;
    expect(progress).toBeGreaterThanOrEqual(3);
    expect(progress).toBeLessThan(30);
    expect(names).toContain('avatar.changed');
  });

  it('never runs more than the concurrency setting, and runs an interactive request ahead of a batch', async () => {
    await open({ concurrency: 1, latencyMs: 40 });
    const batch = await lib.must('generations.create', { projectId, recipe: { prompt: 'batch' }, count: 4 });
    const [single] = await lib.must('generations.create', { projectId, recipe: { prompt: 'single' } });
    await settled([...batch.map((g) => g.id), single!.id]);
    expect(provider.maxInFlight).toBe(1);
    const order = provider.calls.map((call) => call.request.prompt.includes('single'));
    // At most the one batch job already running when the single request arrived goes first.
    expect(order.indexOf(true)).toBeLessThanOrEqual(1);
  });

  it('retries transient failures with backoff and keeps the message of the last one', async () => {
    await open();
    provider.failNext(new ProviderError('transient', 'The service had an internal error (500).', { status: 500 }), new ProviderError('transient', 'Connection dropped.'));
    const [job] = await lib.must('generations.create', { projectId, recipe: {} });
    await settled([job!.id]);
    expect(await get(job!.id)).toMatchObject({ status: 'completed', attempts: 3, error: null });
    const gaps = provider.calls.slice(1).map((call, i) => call.startedAt - provider.calls[i]!.endedAt!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5);
  });

  it('gives up after the attempt limit with a human-readable message', async () => {
    await open({ maxAttempts: 2 });
    provider.failNext(...Array.from({ length: 2 }, () => new ProviderError('transient', 'The model is overloaded (503).', { status: 503 })));
    const [job] = await lib.must('generations.create', { projectId, recipe: {} });
    await settled([job!.id]);
    const failed = await get(job!.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'PROVIDER_UNAVAILABLE' } });
    expect(failed.error!.message).toMatch(/overloaded.*Gave up after 2 attempts/);
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(0);
  });

  it('honours Retry-After on 429 and lowers the effective concurrency', async () => {
    await open({ concurrency: 8, latencyMs: 20 });
    provider.failNext(new ProviderError('rate_limited', 'Too many requests.', { status: 429, retryAfterMs: 300 }));
    const [job] = await lib.must('generations.create', { projectId, recipe: {} });
    await expect.poll(async () => (await lib.must('queue.status', {})).concurrency.effective, { timeout: 2000 }).toBe(4);
    await settled([job!.id]);
    expect(provider.calls[1]!.startedAt - provider.calls[0]!.endedAt!).toBeGreaterThanOrEqual(290);
  });

  it('does not fail a job for being throttled: 429s give their attempt back', async () => {
    await open({ maxAttempts: 2 });
    provider.failNext(...Array.from({ length: 4 }, () => new ProviderError('rate_limited', 'Too many requests.', { status: 429, retryAfterMs: 10 })));
    const [job] = await lib.must('generations.create', { projectId, recipe: {} });
    await settled([job!.id]);
    expect(await get(job!.id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect(provider.calls).toHaveLength(5);
  });

  it('fails a rejected request at once, without retrying', async () => {
    await open();
    provider.failNext(new ProviderError('rejected', 'The prompt was refused by the service: bad request.', { status: 400 }));
    const [job] = await lib.must('generations.create', { projectId, recipe: {} });
    await settled([job!.id]);
    expect(await get(job!.id)).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'PROVIDER_REJECTED' } });
  });

  it('pauses the whole queue on a bad token and resumes where it stopped', async () => {
    await open({ concurrency: 1 });
    provider.failNext(new ProviderError('auth', 'The Hugging Face token was refused. Set a valid token in Settings.', { status: 401 }));
    const jobs = await lib.must('generations.create', { projectId, recipe: {}, count: 2 });
    await expect.poll(async () => (await lib.must('queue.status', {})).paused, { timeout: 2000 }).toBe(true);
    const status = await lib.must('queue.status', {});
    expect(status.pauseReason).toMatchObject({ code: 'PROVIDER_AUTH' });
    // The job that met the bad token waits in the queue, its attempt not counted against it.
    expect(await get(jobs[0]!.id)).toMatchObject({ status: 'pending', attempts: 0, error: { code: 'PROVIDER_AUTH' } });
    const callsWhilePaused = provider.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(provider.calls.length).toBe(callsWhilePaused);

    expect(await lib.must('queue.resume', {})).toMatchObject({ paused: false, pauseReason: null });
    await settled(jobs.map((g) => g.id));
    expect((await Promise.all(jobs.map((g) => get(g.id)))).map((g) => g.status)).toEqual(['completed', 'completed']);
  });

  it('cancels a queued job and aborts a running one; neither makes an avatar', async () => {
    await open({ concurrency: 1, latencyMs: 400 });
    const [running, queued] = await lib.must('generations.create', { projectId, recipe: {}, count: 2 });
    await expect.poll(async () => (await get(running!.id)).status).toBe('processing');
    expect(await lib.must('generations.cancel', { id: queued!.id })).toMatchObject({ status: 'cancelled' });
    expect(await lib.must('generations.cancel', { id: running!.id })).toMatchObject({ status: 'cancelled' });
    await expect.poll(() => provider.calls[0]?.outcome, { timeout: 2000 }).toBe('aborted');
    expect(provider.calls).toHaveLength(1);
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(0);
    expect(await lib.call('generations.cancel', { id: queued!.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    const retried = await lib.must('generations.retry', { id: running!.id });
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    await settled([running!.id]);
    expect((await get(running!.id)).status).toBe('completed');
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(1);
  });

  it('changes concurrency at run time', async () => {
    await open({ concurrency: 1, latencyMs: 60 });
    expect(await lib.must('queue.setConcurrency', { concurrency: 6 })).toMatchObject({ concurrency: { ceiling: 6, effective: 6 } });
    const jobs = await lib.must('generations.create', { projectId, recipe: {}, count: 12 });
    await settled(jobs.map((g: Generation) => g.id));
    expect(provider.maxInFlight).toBe(6);
    expect(await lib.call('queue.setConcurrency', { concurrency: 33 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
