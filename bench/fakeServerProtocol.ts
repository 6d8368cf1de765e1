// Messages between the benchmark and the fake inference server running in its own process.
import type { FakeInferenceOptions, FakeStep } from '../tests/fakes/fakeInferenceTypes';

export type FakeServerOptions = Pick<FakeInferenceOptions, 'imageSize' | 'rateLimitAbove' | 'defaultStep'>;

export interface FakeStats {
  /** Inference requests received (the Hub is never asked: the provider uses the endpoint URL). */
  requests: number;
  /** How many got each answer: HTTP status, or 'dropped' / 'aborted' / 'hung'. */
  outcomes: Record<string, number>;
  maxInFlight: number;
  /** CPU the fake's process used since it started (user + system), to see what the harness takes of the machine. */
  cpuUs: number;
}

export type ToFakeServer = { id: number; type: 'script'; steps: FakeStep[] } | { id: number; type: 'stats' };

export type FromFakeServer = { type: 'ready'; url: string } | { id: number; type: 'done' } | { id: number; type: 'stats'; stats: FakeStats };
