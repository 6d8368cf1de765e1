// `generation` section of `npm run bench`: the pool against the fake inference server through the
// real Hugging Face client. Figures only; goals are stated beside them, never asserted.
import os from 'node:os';
import { CPU_CONCURRENCY, IMAGE_SIZE, LATENCY_MS, THROUGHPUT_RUNS, fakeOptions, log } from './generationConfig';
import { cpuPerJob, eventLatency, throughputEntry, type ThroughputRun } from './generationReport';
import { runGeneration } from './generationRun';
import { benchRateLimited, benchTransientFailures } from './generationScenarios';
import { round } from './stats';
import { dynamicImportCpuUs } from './tsxOverhead';

const benchThroughput = async (): Promise<ThroughputRun[]> => {
  const runs: ThroughputRun[] = [];
  for (const { concurrency, jobs } of THROUGHPUT_RUNS) {
    log(`throughput C=${concurrency}, ${jobs} jobs`);
    runs.push({ concurrency, run: await runGeneration({ jobs, concurrency, fake: fakeOptions() }) });
  }
  return runs;
};

/** Other work on the machine (tests, browsers) skews every figure here; the load average tells a reader how much. */
const loadAverage = (): number => round(os.loadavg()[0] ?? 0);

export const benchGeneration = async () => {
  const loadBefore = loadAverage();
  const throughput = await benchThroughput();
  const cpuRun = throughput.find((entry) => entry.concurrency === CPU_CONCURRENCY);
  if (!cpuRun) throw new Error(`no throughput run at C=${CPU_CONCURRENCY} to take CPU per job from`);
  const transientFailures = await benchTransientFailures();
  const rateLimited = await benchRateLimited();
  return {
    machineLoad: { cores: os.availableParallelism(), loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadAverage() },
    setup: {
      fakeLatencyMs: LATENCY_MS,
      fakeImage: `${IMAGE_SIZE.width}x${IMAGE_SIZE.height} PNG (requests ask 256x256; the fake answers at this size)`,
      provider: 'huggingface (@huggingface/inference textToImage) with endpointUrl = the fake over loopback HTTP, token from async () => hf_test_token',
      fakeServer: 'child process (its CPU is not in the main-process figures)',
      library: 'real SQLite library in a fresh temp dir per run, watch: true, web bridge attached, real sharp ingest + thumbnail + fsynced writes',
      timing: 'all jobs queued with the queue paused; the clock runs from queue.resume to the last job ending',
    },
    throughput: throughput.map(throughputEntry),
    throughputGoal:
      'fractionOfIdeal >= 0.95 (steadyFractionOfIdeal leaves out the first and last wave of C jobs). Where C/L exceeds cpuPerJob.cpuBoundCeilingJobsPerSecond the run measures the machine, not the pool',
    eventLatency: eventLatency(throughput),
    cpuPerJob: cpuPerJob(cpuRun.run, CPU_CONCURRENCY, await dynamicImportCpuUs()),
    transientFailures,
    rateLimited,
  };
};
