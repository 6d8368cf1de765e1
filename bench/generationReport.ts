// Turns runs into the JSON figures: throughput against the ideal C/L, event latency, CPU per job.
import os from 'node:os';
import { CHANGE_KINDS, type ChangeKind } from './eventClientProtocol';
import { LATENCY_MS } from './generationConfig';
import type { RunResult } from './generationRun';
import { latencySummary, round, roundOrNull } from './stats';

export interface ThroughputRun {
  concurrency: number;
  run: RunResult;
}

export const outcome = (run: RunResult) => ({
  jobs: run.jobs,
  completed: run.completed,
  failed: run.failed,
  seconds: round(run.seconds),
  jobsPerSecond: round(run.completed / run.seconds),
});

export const cpuUsPerJob = (run: RunResult): number => Math.round((run.cpuUserUs + run.cpuSystemUs) / run.jobs);

export const throughputEntry = ({ concurrency, run }: ThroughputRun) => {
  const ideal = concurrency / (LATENCY_MS / 1000);
  const rate = run.completed / run.seconds;
  return {
    concurrency,
    ...outcome(run),
    idealJobsPerSecond: ideal,
    fractionOfIdeal: round(rate / ideal, 3),
    steadyFractionOfIdeal: roundOrNull(run.steadyJobsPerSecond === null ? null : run.steadyJobsPerSecond / ideal, 3),
    // What each slot spends per job beyond the provider's latency: independent of L, unlike the fraction.
    overheadMsPerJob: round((concurrency * 1000) / rate - LATENCY_MS, 1),
    maxInFlightAtFake: run.fake.maxInFlight,
    mainCpuUsPerJob: cpuUsPerJob(run),
    mainEventLoopUtilization: round(run.eventLoopUtilization, 2),
  };
};

const pooled = (runs: readonly ThroughputRun[], kinds: readonly ChangeKind[]): number[] =>
  runs.flatMap(({ run }) => kinds.flatMap((kind) => run.eventLatenciesMs[kind]));

const AFTER_CREATE: readonly ChangeKind[] = ['running', 'requeued', 'ended'];

export const eventLatency = (runs: readonly ThroughputRun[]) => ({
  method:
    'generation.changed over the web bridge WebSocket to a ws client in a child process: Date.now() on receipt minus generation.updatedAt ' +
    '(stamped by the core clock in the committing transaction); one machine clock; whole-ms resolution; all throughput runs pooled',
  goalP99Ms: 20,
  all: latencySummary(pooled(runs, CHANGE_KINDS)),
  // generations.create commits up to 100 jobs at once and the feed emits them in one synchronous loop.
  byKind: Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, latencySummary(pooled(runs, [kind]))])),
  byConcurrency: runs.map((entry) => ({
    concurrency: entry.concurrency,
    all: latencySummary(pooled([entry], CHANGE_KINDS)),
    afterCreate: latencySummary(pooled([entry], AFTER_CREATE)),
    messages: entry.run.eventMessages,
  })),
});

export const cpuPerJob = (run: RunResult, concurrency: number, tsxImportUs: number) => ({
  concurrency,
  jobs: run.jobs,
  userUsPerJob: Math.round(run.cpuUserUs / run.jobs),
  systemUsPerJob: Math.round(run.cpuSystemUs / run.jobs),
  totalUsPerJob: cpuUsPerJob(run),
  tsxDynamicImportUsPerJob: tsxImportUs,
  childProcessesUsPerJob: { fakeServer: Math.round(run.fake.cpuUs / run.jobs), socketClient: Math.round(run.eventClientCpuUs / run.jobs) },
  // Every job costs this much CPU across the three processes: no pool can run faster on this machine.
  cpuBoundCeilingJobsPerSecond: round((os.availableParallelism() * 1e6) / (cpuUsPerJob(run) + (run.fake.cpuUs + run.eventClientCpuUs) / run.jobs), 1),
  method:
    'process.cpuUsage() delta over the throughput run at this concurrency / jobs: every thread of the library process (libuv pool, libvips, the tsx loader thread) with the bridge pushing events. ' +
    'The fake server and the socket client are child processes, shown apart (whole process lifetime). ' +
    'tsxDynamicImportUsPerJob: what ingestImage\'s per-job `await import("sharp")` costs under tsx, an artefact of running src/ through tsx',
});
