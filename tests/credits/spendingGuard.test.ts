import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/contract';
import { ProviderError } from '../../src/main/core/generation/provider';
import { createOfflineProvider } from '../../src/main/core/generation/providers/offlineProvider';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { createTestProvider, type TestProvider } from '../helpers/testProvider';

const FINAL = ['completed', 'failed', 'cancelled'];

describe('spending guard', () => {
  let lib: TestLibrary;
  let provider: TestProvider;
  let projectId: string;
  let credits: Settings['credits'];
  const events: AppEvent[] = [];

  const open = async (limits: Partial<Pick<Settings['credits'], 'dailyLimit' | 'batchLimit'>> = {}, latencyMs = 20) => {
    credits = { ...DEFAULT_SETTINGS.credits, ...limits };
    provider = createTestProvider(latencyMs);
    const offline = createOfflineProvider();
    lib = await openTestLibrary({
      credits: () => credits,
      generation: {
        providerFor: (kind) => (kind === 'huggingface' ? provider : kind === 'offline' ? offline : null),
        settings: defaultSettings({ concurrency: 2, maxAttempts: 1 }),
        runJobs: true,
        retry: { baseMs: 10, capMs: 20 },
      },
    });
    events.length = 0;
    lib.library.events.subscribe((event) => void events.push(event));
    projectId = (await lib.must('projects.create', { name: 'Spend' })).id;
  };
  afterEach(async () => lib?.dispose());

  const generate = (count: number, extra: { provider?: 'offline' } = {}) =>
    lib.call('generations.create', { projectId, recipe: { prompt: 'portrait' }, count, ...(extra.provider && { params: { provider: extra.provider } }) });
  const settle = async (ids: string[]) => {
    await expect.poll(async () => (await Promise.all(ids.map((id) => lib.must('generations.get', { id })))).every((g) => FINAL.includes(g.status)), { timeout: 10_000 }).toBe(true);
    return Promise.all(ids.map((id) => lib.must('generations.get', { id })));
  };
  const summary = () => lib.must('credits.summary', {});

  it('charges each action what the cloud charges; drawing offline is free', async () => {
    await open();
    const jobs = await generate(3);
    expect(jobs.ok).toBe(true);
    await lib.must('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png', 64, 64) });
    const offline = await generate(2, { provider: 'offline' });
    await settle([...(jobs.ok ? jobs.value : []), ...(offline.ok ? offline.value : [])].map((g) => g.id));

    expect(await summary()).toMatchObject({ spentToday: 32, spentTotal: 32, refundedTotal: 0, dailyLimit: null, remainingToday: null });
    const history = await lib.must('credits.history', {});
    expect(history.map((entry) => [entry.kind, entry.action, entry.amount]).sort()).toEqual([
      ['charge', 'generate', 10],
      ['charge', 'generate', 10],
      ['charge', 'generate', 10],
      ['charge', 'upload', 2],
    ]);
    expect(events.some((event) => event.name === 'credits.changed' && event.payload.summary.spentTotal === 32)).toBe(true);
  });

  it('refuses a batch over the daily limit before any job exists or any request is sent, and says why', async () => {
    await open({ dailyLimit: 25 });
    const tooMany = await generate(3);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'SPENDING_LIMIT' } });
    expect(!tooMany.ok && tooMany.error.message).toMatch(/30 credits.*25 credits/);
    expect(await lib.must('generations.list', { projectId })).toEqual([]);
    expect(provider.calls).toHaveLength(0);

    const two = await generate(2);
    expect(two.ok).toBe(true);
    expect(await summary()).toMatchObject({ spentToday: 20, remainingToday: 5 });
    expect(await generate(1)).toMatchObject({ ok: false, error: { code: 'SPENDING_LIMIT' } });
    // Free work is never refused.
    expect((await generate(1, { provider: 'offline' })).ok).toBe(true);
    // A raised limit applies at once.
    credits = { ...credits, dailyLimit: 40 };
    expect((await generate(1)).ok).toBe(true);
  });

  it('refuses a request over the per-batch limit', async () => {
    await open({ batchLimit: 50 });
    expect(await generate(6)).toMatchObject({ ok: false, error: { code: 'SPENDING_LIMIT', message: expect.stringContaining('at most 50 credits') } });
    expect((await generate(5)).ok).toBe(true);
  });

  it('balances after a scripted mix of successes, failures, cancels, retries and a deleted project', async () => {
    await open({}, 150);
    provider.failNext(new ProviderError('rejected', 'bad request'), new ProviderError('rejected', 'bad request'));
    const created = await generate(6);
    if (!created.ok) throw new Error(created.error.message);
    const ids = created.value.map((g) => g.id);
    // Cancel one still waiting (concurrency 2, so the last ones are pending).
    await lib.must('generations.cancel', { id: ids[5]! });
    const settled = await settle(ids);
    const count = (status: string) => settled.filter((g) => g.status === status).length;
    expect([count('completed'), count('failed'), count('cancelled')]).toEqual([3, 2, 1]);
    expect(await summary()).toMatchObject({ spentTotal: 30, refundedTotal: 30 });

    // A retry spends again; when it succeeds the charge stays.
    const failed = settled.find((g) => g.status === 'failed')!;
    await lib.must('generations.retry', { id: failed.id });
    await settle([failed.id]);
    expect(await summary()).toMatchObject({ spentTotal: 40, refundedTotal: 30 });

    // Work deleted before it ran gives its credits back; finished work keeps its charge.
    const other = (await lib.must('projects.create', { name: 'Doomed' })).id;
    await lib.must('queue.pause', {});
    await lib.must('generations.create', { projectId: other, recipe: { prompt: 'x' }, count: 2 });
    expect(await summary()).toMatchObject({ spentTotal: 60 });
    await lib.must('projects.delete', { id: other });
    expect(await summary()).toMatchObject({ spentTotal: 40, refundedTotal: 50 });

    // Every job's entries net to its cost if it completed and to zero otherwise.
    const history = await lib.must('credits.history', { limit: 500 });
    const perJob = new Map<string, number>();
    for (const entry of history) {
      if (!entry.generationId) continue;
      perJob.set(entry.generationId, (perJob.get(entry.generationId) ?? 0) + (entry.kind === 'charge' ? entry.amount : -entry.amount));
    }
    const finalJobs = await lib.must('generations.list', { projectId });
    for (const job of finalJobs) expect(perJob.get(job.id)).toBe(job.status === 'completed' ? 10 : 0);
    expect([...perJob.values()].reduce((sum, value) => sum + value, 0)).toBe(40);
    expect(history.filter((entry) => entry.kind === 'refund').map((entry) => entry.note).sort()).toEqual(['cancelled', 'deleted', 'deleted', 'failed', 'failed']);
  });

  it('reads its limits and costs from the settings, live', async () => {
    provider = createTestProvider(20);
    lib = await openTestLibrary({
      generation: { providerFor: () => provider, settings: defaultSettings({ concurrency: 1 }), runJobs: false },
    });
    projectId = (await lib.must('projects.create', { name: 'Settings' })).id;
    await lib.must('settings.update', { credits: { dailyLimit: 15, costs: { generate: 5 } } });
    expect(await lib.must('credits.summary', {})).toMatchObject({ dailyLimit: 15, remainingToday: 15 });
    expect((await generate(3)).ok).toBe(true);
    expect(await lib.must('credits.summary', {})).toMatchObject({ spentToday: 15, remainingToday: 0 });
    expect(await generate(1)).toMatchObject({ ok: false, error: { code: 'SPENDING_LIMIT' } });
  });
});
