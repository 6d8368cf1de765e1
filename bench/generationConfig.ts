// What the generation benchmark runs, in one place: the figures in the JSON are only comparable
// between runs made with the same values.

/** Long enough that the pool's own overhead shows as a fraction, short enough for a few minutes in all. */
export const LATENCY_MS = 200;
/**
 * Tiny images keep the fake's PNG encode small. The library's ingest has a floor anyway (it always
 * makes a 300x300 thumbnail): about 15 ms of CPU for any source up to 300x300.
 */
export const IMAGE_SIZE = { width: 64, height: 64 };

export const THROUGHPUT_RUNS = [
  // 400 jobs one at a time would take 80 s alone; 100 give as stable a rate.
  { concurrency: 1, jobs: 100 },
  { concurrency: 4, jobs: 400 },
  { concurrency: 16, jobs: 400 },
  { concurrency: 32, jobs: 400 },
] as const;

export const CPU_CONCURRENCY = 16;

export const FAILURE = { concurrency: 16, jobs: 400, rate: 0.1, seed: 20_240_601, scriptLength: 2_000, retry: { baseMs: 20, capMs: 200 } } as const;

export const RATE_LIMIT = { hiddenLimit: 6, ceiling: 32, jobs: 400 } as const;

export const fakeOptions = (extra: { rateLimitAbove?: number } = {}) => ({ imageSize: IMAGE_SIZE, defaultStep: { latencyMs: LATENCY_MS }, ...extra });

export const log = (message: string): void => void process.stderr.write(`[bench:generation] ${message}\n`);
