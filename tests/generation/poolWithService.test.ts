import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHuggingFaceProvider } from '../../src/main/core/generation/providers/huggingFace';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

/** The pool, the real Hugging Face client and the fake service over loopback HTTP, end to end. */
describe('pool against the inference service', () => {
  let fake: FakeInference;
  let lib: TestLibrary;
  let projectId: string;
  let token = 'hf_test_token';

  beforeAll(async () => {
    fake = await startFakeInference({ imageSize: { width: 64, height: 64 } });
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    await lib.dispose();
    fake.setDefault({});
    token = 'hf_test_token';
  });

  const open = async (concurrency = 2) => {
    const provider = createHuggingFaceProvider({ token: async () => token, inferenceProvider: 'auto', endpointUrl: fake.url });
    lib = await openTestLibrary({
      generation: { providerFor: () => provider, settings: defaultSettings({ concurrency, maxAttempts: 4 }), runJobs: true, retry: { baseMs: 10, capMs: 50 } },
    });
    projectId = (await lib.must('projects.create', { name: 'Service' })).id;
  };
  const generate = async (count = 1) => lib.must('generations.create', { projectId, recipe: { prompt: 'portrait' }, count });
  const statusOf = async (id: string) => (await lib.must('generations.get', { id })).status;
  const waitFor = (id: string, status: string, timeout = 8000) => expect.poll(() => statusOf(id), { timeout }).toBe(status);

  // A throttled request was never worked on, so it gives its attempt back.
  it.each([
    ['429 with Retry-After seconds', { status: 429, retryAfter: '1' }, 900, 1],
    ['503 while the model loads', { status: 503, loading: true, estimatedTime: 0.4 }, 350, 2],
    ['500', { status: 500 }, 0, 2],
    ['a dropped connection', { drop: true as const }, 0, 2],
  ])('retries after %s and completes', async (_label, step, minimumWaitMs, attempts) => {
    await open();
    fake.script(step);
    const [job] = await generate();
    await waitFor(job!.id, 'completed');
    const calls = fake.requests.filter((request) => request.route === 'endpoint').slice(-2);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(minimumWaitMs);
    expect(await lib.must('generations.get', { id: job!.id })).toMatchObject({ attempts, error: null });
  });

  it('fails at once on a 400 with the service message', async () => {
    await open();
    fake.script({ status: 400, message: 'Input validation error: `inputs` too long' });
    const [job] = await generate();
    await waitFor(job!.id, 'failed');
    const failed = await lib.must('generations.get', { id: job!.id });
    expect(failed).toMatchObject({ attempts: 1, error: { code: 'PROVIDER_REJECTED' } });
    expect(failed.error!.message).toContain('too long');
  });

  it('pauses on 402 with what to do', async () => {
    await open();
    fake.script({ status: 402 });
    await generate();
    await expect.poll(async () => (await lib.must('queue.status', {})).pauseReason?.code, { timeout: 5000 }).toBe('PROVIDER_CREDITS');
    expect((await lib.must('queue.status', {})).pauseReason!.message).toMatch(/credit/i);
  });

  it('a 401 pauses the queue, and a new token resumes it', async () => {
    await open(1);
    token = 'hf_revoked';
    const jobs = await generate(3);
    await expect.poll(async () => (await lib.must('queue.status', {})).pauseReason?.code, { timeout: 5000 }).toBe('PROVIDER_AUTH');
    expect(await Promise.all(jobs.map((job) => statusOf(job.id)))).toEqual(['pending', 'pending', 'pending']);
    token = 'hf_test_token';
    await lib.must('queue.resume', {});
    for (const job of jobs) await waitFor(job.id, 'completed');
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(3);
  });

  it('cancel aborts the request in flight: the service sees the connection close', async () => {
    await open();
    fake.setDefault({ latencyMs: 5000 });
    const [job] = await generate();
    await expect.poll(() => fake.requests.some((request) => request.route === 'endpoint' && request.outcome === null), { timeout: 5000 }).toBe(true);
    await lib.must('generations.cancel', { id: job!.id });
    await expect.poll(() => fake.requests.filter((request) => request.route === 'endpoint').at(-1)?.outcome, { timeout: 3000 }).toBe('aborted');
    expect(await statusOf(job!.id)).toBe('cancelled');
    expect(await lib.must('avatars.list', { projectId })).toHaveLength(0);
  });
});
