/** A bucket holds up to `burst` requests and refills at `perSecond`: short bursts pass, a flood does not. */
export interface BucketRate {
  burst: number;
  perSecond: number;
}

export type BucketVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface TokenBucket {
  take(): BucketVerdict;
}

/**
 * A token bucket with lazy refill: no timer, just arithmetic on each take. `now` is in
 * milliseconds and should be monotonic (performance.now), so a wall-clock change cannot refill it.
 */
export const createTokenBucket = (rate: BucketRate, now: () => number): TokenBucket => {
  let tokens = rate.burst;
  let last = now();
  return {
    take() {
      const at = now();
      // A clock that steps back (a test's, or a bad one) must not drain the bucket.
      tokens = Math.min(rate.burst, tokens + (Math.max(0, at - last) / 1000) * rate.perSecond);
      last = at;
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / rate.perSecond) * 1000) };
    },
  };
};
