// The two runs with a misbehaving provider: random transient failures, and a hidden rate limit.
import type { FakeStep } from '../tests/fakes/fakeInferenceTypes';
import { seededRandom } from '../tests/fakes/seededRandom';
import { withFixedConcurrency } from './fixedConcurrency';
import { FAILURE, LATENCY_MS, RATE_LIMIT, fakeOptions, log } from './generationConfig';
import { outcome } from './generationReport';
import { runGeneration } from './generationRun';
import { round } from './stats';

/** Every request the fake answers follows the seeded script: about one in ten fails after the usual latency. */
const failureScript = (): FakeStep[] => {
  const random = seededRandom(FAILURE.seed);
  return Array.from({ length: FAILURE.scriptLength }, (): FakeStep => {
    if (random() >= FAILURE.rate) return { latencyMs: LATENCY_MS };
    return random() < 0.5 ? { status: 500, latencyMs: LATENCY_MS } : { drop: true, latencyMs: LATENCY_MS };
  });
};

export const benchTransientFailures = async () => {
  log(`transient failures C=${FAILURE.concurrency}, ${FAILURE.jobs} jobs`);
  const run = await runGeneration({ jobs: FAILURE.jobs, concurrency: FAILURE.concurrency, fake: fakeOptions(), script: failureScript(), retry: FAILURE.retry });
  const { outcomes, requests } = run.fake;
  const injected = (outcomes['500'] ?? 0) + (outcomes.dropped ?? 0);
  return {
    concurrency: FAILURE.concurrency,
    ...outcome(run),
    successRate: round(run.completed / run.jobs, 4),
    goalSuccessRate: 0.999,
    requests,
    injectedFailures: { http500: outcomes['500'] ?? 0, droppedConnections: outcomes.dropped ?? 0, fractionOfRequests: round(injected / requests, 3) },
    attemptsPerJob: round(run.attempts / run.jobs, 3),
    retry: FAILURE.retry,
    method: `seeded (mulberry32, seed ${FAILURE.seed}) script of ${FAILURE.scriptLength} steps consumed in arrival order: 10% fail after the usual latency, half HTTP 500, half a destroyed socket; default maxAttempts (5) and circuit breaker`,
  };
};

const rateLimitedRun = async (label: string, concurrency: number, fixed: boolean) => {
  log(`rate limited above ${RATE_LIMIT.hiddenLimit}: ${label}`);
  const options = { jobs: RATE_LIMIT.jobs, concurrency, fake: fakeOptions({ rateLimitAbove: RATE_LIMIT.hiddenLimit }) };
  const run = fixed ? await withFixedConcurrency(() => runGeneration(options)) : await runGeneration(options);
  return {
    ...outcome(run),
    completionRate: round(run.completed / run.jobs, 4),
    http429: run.fake.outcomes['429'] ?? 0,
    requests: run.fake.requests,
    attemptsPerJob: round(run.attempts / run.jobs, 3),
    meanEffectiveConcurrency: round(run.meanEffectiveConcurrency),
    fractionOfIdeal: round(run.completed / run.seconds / (RATE_LIMIT.hiddenLimit / (LATENCY_MS / 1000)), 3),
  };
};

export const benchRateLimited = async () => ({
  hiddenLimit: RATE_LIMIT.hiddenLimit,
  ceiling: RATE_LIMIT.ceiling,
  idealJobsPerSecond: RATE_LIMIT.hiddenLimit / (LATENCY_MS / 1000),
  adaptive: await rateLimitedRun(`adaptive, ceiling ${RATE_LIMIT.ceiling}`, RATE_LIMIT.ceiling, false),
  fixed: await rateLimitedRun(`fixed ${RATE_LIMIT.ceiling}`, RATE_LIMIT.ceiling, true),
  fixedAtHiddenLimit: await rateLimitedRun('fixed at the hidden limit', RATE_LIMIT.hiddenLimit, false),
  method:
    'the fake answers 429 (Retry-After: 1, at once) to any request beyond the limit in flight; default retry policy and maxAttempts (5). ' +
    '"fixed": the pool has no switch to disable AIMD, so the benchmark stubs AdaptiveConcurrency.prototype.onRateLimited to never decrease for that run; ' +
    '"fixedAtHiddenLimit": concurrency setting = the limit, the best a user who knew it could do',
});
