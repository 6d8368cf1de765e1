// One generation benchmark run: a fresh library in a temp dir running jobs through the real Hugging
// Face client against the fake server (its own process), the web bridge pushing events to a
// WebSocket client (its own process), and the time, CPU and outcome of a fixed batch of jobs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../src/main/core';
import { createHuggingFaceProvider } from '../src/main/core/generation/providers/huggingFace';
import { defaultSettings } from '../src/main/core/generation/settings';
import type { CommandInput, CommandOutput } from '../src/shared/contract';
import type { Generation } from '../src/shared/domain';
import type { CommandName } from '../src/shared/names';
import { startWebBridge } from '../src/web/server';
import type { FakeStep } from '../tests/fakes/fakeInferenceTypes';
import { forkEventClient } from './eventClient';
import type { ChangeKind } from './eventClientProtocol';
import { forkFakeServer } from './fakeServerClient';
import type { FakeServerOptions, FakeStats } from './fakeServerProtocol';
import { JobWatcher } from './jobWatcher';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));
const CREATE_CHUNK = 100;
/** A run that has not finished by then is reported as broken rather than left hanging. */
const RUN_TIMEOUT_MS = 180_000;
/** Time for the last events to cross the socket after the last job ends. */
const EVENT_DRAIN_MS = 250;

export interface RunOptions {
  jobs: number;
  concurrency: number;
  fake: FakeServerOptions;
  /** Steps for the fake's next requests, in arrival order; the default step answers the rest. */
  script?: FakeStep[];
  retry?: { baseMs: number; capMs: number };
}

export interface RunResult {
  jobs: number;
  completed: number;
  failed: number;
  seconds: number;
  /** Completions per second between the first and the last wave of C jobs (no ramp-up or tail). */
  steadyJobsPerSecond: number | null;
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Share of the run the main thread was busy (event loop utilisation): near 1 means it is the bottleneck. */
  eventLoopUtilization: number;
  /** Provider attempts over all jobs (1 per job when nothing failed). */
  attempts: number;
  meanEffectiveConcurrency: number;
  fake: FakeStats;
  eventLatenciesMs: Record<ChangeKind, number[]>;
  eventMessages: number;
  /** CPU of the socket client's process since it started. */
  eventClientCpuUs: number;
}

const invoke = async <C extends CommandName>(library: Library, command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
  const result = await library.router.invoke(command, input, { shell: 'test' });
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as CommandOutput<C>;
};

const createJobs = async (library: Library, projectId: string, count: number): Promise<void> => {
  for (let made = 0; made < count; made += CREATE_CHUNK) {
    const chunk = Math.min(CREATE_CHUNK, count - made);
    // Sizes are the smallest the contract takes; the fake answers at its own tiny imageSize anyway.
    await invoke(library, 'generations.create', { projectId, recipe: { prompt: 'bench portrait' }, params: { width: 256, height: 256, seed: made }, count: chunk });
  }
};

/** One page: every run here has at most 400 jobs. */
const allJobs = async (library: Library): Promise<Generation[]> => invoke(library, 'generations.list', { limit: 1000 });

export const runGeneration = async (options: RunOptions): Promise<RunResult> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-bench-gen-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    const fake = await forkFakeServer(options.fake);
    cleanups.unshift(() => fake.close());
    if (options.script) await fake.script(options.script);

    const provider = createHuggingFaceProvider({ token: async () => 'hf_test_token', inferenceProvider: 'auto', endpointUrl: fake.url });
    // watch: true as the web shell opens it, so its cost (a flush per file change) is counted too.
    const library = await openLibrary({
      dir,
      migrationsFolder: MIGRATIONS,
      watch: true,
      generation: {
        runJobs: true,
        providerFor: (kind) => (kind === 'huggingface' ? provider : null),
        settings: defaultSettings({ endpointUrl: fake.url, concurrency: options.concurrency }),
        ...(options.retry && { retry: options.retry }),
      },
    });
    cleanups.unshift(() => library.close());
    const bridge = await startWebBridge({ library, rendererDir: RENDERER_DIR });
    cleanups.unshift(() => bridge.close());
    const client = await forkEventClient(`ws://127.0.0.1:${bridge.port}/api/events?token=${encodeURIComponent(bridge.token)}`);
    cleanups.unshift(() => client.close());

    // Every job is queued before the clock starts, so the run times the pool and not the inserts.
    await invoke(library, 'queue.pause', {});
    const project = await invoke(library, 'projects.create', { name: 'Generation bench' });
    await createJobs(library, project.id, options.jobs);
    const watcher = new JobWatcher(library, options.jobs, options.concurrency);
    cleanups.unshift(() => watcher.dispose());

    const cpuBefore = process.cpuUsage();
    const loopBefore = performance.eventLoopUtilization();
    const startedAt = performance.now();
    await invoke(library, 'queue.resume', {});
    await watcher.allFinished(RUN_TIMEOUT_MS);
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const loop = performance.eventLoopUtilization(loopBefore);

    await new Promise((resolve) => setTimeout(resolve, EVENT_DRAIN_MS));
    const events = await client.report();
    const jobs = await allJobs(library);
    return {
      jobs: options.jobs,
      completed: jobs.filter((job) => job.status === 'completed').length,
      failed: jobs.filter((job) => job.status === 'failed').length,
      seconds,
      steadyJobsPerSecond: watcher.steadyRate(),
      cpuUserUs: cpu.user,
      cpuSystemUs: cpu.system,
      eventLoopUtilization: loop.utilization,
      attempts: jobs.reduce((sum, job) => sum + job.attempts, 0),
      meanEffectiveConcurrency: watcher.meanEffectiveConcurrency(),
      fake: await fake.stats(),
      eventLatenciesMs: events.latenciesMs,
      eventMessages: events.messages,
      eventClientCpuUs: events.cpuUs,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
};
