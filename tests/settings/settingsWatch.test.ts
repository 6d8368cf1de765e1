import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/contract';
import type { Settings } from '../../src/shared/settings';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { settingsKit } from './settingsKit';

// conf watches with fs.watchFile on Linux: a poll every ~5 s, then a 1 s debounce.
const WATCH = { timeoutMs: 20_000, intervalMs: 100 };

const kit = settingsKit();
const libraries: TestLibrary[] = [];
afterEach(async () => {
  for (const lib of libraries.splice(0)) await lib.dispose();
  kit.dispose();
});

describe('two processes on one config.json', () => {
  it('each sees the other’s saved change, once, without a restart', async () => {
    const dir = kit.dir();
    const a = await kit.open(dir, { watch: true });
    const b = await kit.open(dir, { watch: true });
    const heardByB: Settings[] = [];
    b.subscribe((settings) => heardByB.push(settings));

    a.update({ theme: 'dark', generation: { steps: 12 } });
    await until(() => b.get().theme === 'dark', WATCH);
    expect(b.get().generation.steps).toBe(12);
    expect(heardByB).toHaveLength(1);
    expect(heardByB[0]).toEqual(a.get());

    const heardByA: Settings[] = [];
    a.subscribe((settings) => heardByA.push(settings));
    b.update({ notifications: false });
    await until(() => a.get().notifications === false, WATCH);
    expect(a.get().theme).toBe('dark');
    expect(heardByA).toHaveLength(1);
  }, 60_000);

  it('a concurrency saved elsewhere reaches this process’s running pool, and settings.changed is pushed', async () => {
    const dir = kit.dir();
    const elsewhere = await kit.open(dir, { watch: true });
    const here = await kit.open(dir, { watch: true });
    const lib = await openTestLibrary({ settings: here, generation: { providerFor: () => null, settings: here, runJobs: true } });
    libraries.push(lib);
    const events: AppEvent[] = [];
    lib.library.events.subscribe((event) => events.push(event));
    expect((await lib.must('queue.status', {})).concurrency.ceiling).toBe(4);

    elsewhere.update({ generation: { concurrency: 7 } });
    await until(async () => (await lib.must('queue.status', {})).concurrency.ceiling === 7, WATCH);
    const changed = events.filter((event) => event.name === 'settings.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.payload).toEqual({ settings: elsewhere.get() });
    expect(events.some((event) => event.name === 'queue.changed' && event.payload.queue.concurrency.ceiling === 7)).toBe(true);
    expect((await lib.must('settings.get', {})).generation.concurrency).toBe(7);
  }, 60_000);
});

describe('in one process', () => {
  it('settings.update applies a new concurrency to the pool at once; other changes leave a run’s own ceiling alone', async () => {
    const settings = await kit.open(kit.dir());
    const lib = await openTestLibrary({ settings, generation: { providerFor: () => null, settings, runJobs: true } });
    libraries.push(lib);
    const events: AppEvent[] = [];
    lib.library.events.subscribe((event) => events.push(event));

    const saved = await lib.must('settings.update', { generation: { concurrency: 9 } });
    expect(saved.generation.concurrency).toBe(9);
    expect((await lib.must('queue.status', {})).concurrency.ceiling).toBe(9);
    expect(events.filter((event) => event.name === 'settings.changed').map((event) => event.payload)).toEqual([{ settings: saved }]);

    // queue.setConcurrency is for this run; saving the theme must not undo it.
    await lib.must('queue.setConcurrency', { concurrency: 3 });
    await lib.must('settings.update', { theme: 'dark' });
    expect((await lib.must('queue.status', {})).concurrency.ceiling).toBe(3);
  });

  it('a bad patch through the router is VALIDATION_FAILED and changes nothing', async () => {
    const dir = kit.dir();
    const settings = await kit.open(dir);
    const lib = await openTestLibrary({ settings });
    libraries.push(lib);
    const events: AppEvent[] = [];
    lib.library.events.subscribe((event) => events.push(event));
    const answer = await lib.call('settings.update', { generation: { concurrency: 99 } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'generation.concurrency' })] });
    const semantic = await lib.call('settings.update', { generation: { endpointUrl: 'http://example.com/e' } });
    expect(semantic.ok ? null : semantic.error.code).toBe('VALIDATION_FAILED');
    expect(events.filter((event) => event.name === 'settings.changed')).toEqual([]);
    expect(await lib.must('settings.get', {})).toEqual(settings.get());
  });

  it('a library opened without settings has the defaults in memory', async () => {
    const lib = await openTestLibrary();
    libraries.push(lib);
    expect((await lib.must('settings.update', { theme: 'light' })).theme).toBe('light');
    expect((await lib.must('settings.get', {})).theme).toBe('light');
  });
});
