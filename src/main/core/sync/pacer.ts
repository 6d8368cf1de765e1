/** The cloud's limited routes (docs/sync-api.md §1.3). */
export type LimitedRoute = 'upload' | 'projectCreate';

export interface RouteLimit {
  max: number;
  windowMs: number;
}

/** The cloud's limits: uploads 10/min, project creation 20/hour. Tests scale the windows like the reference server. */
export const CLOUD_RATE_LIMITS: Record<LimitedRoute, RouteLimit> = {
  upload: { max: 10, windowMs: 60_000 },
  projectCreate: { max: 20, windowMs: 60 * 60_000 },
};

/**
 * Paces the limited routes so they meet the cloud's limits without a storm of 429s: no more than
 * `max` sends in any `windowMs` (a sliding log, stricter than the server's fixed window, so it can
 * never be exceeded), the server's X-RateLimit-Remaining: 0 waits for its reset, and after a 429
 * nothing goes out before Retry-After.
 */
export class Pacer {
  private readonly sent = new Map<LimitedRoute, number[]>();
  private readonly notBefore = new Map<LimitedRoute, number>();

  constructor(
    private readonly limits: Record<LimitedRoute, RouteLimit> | null,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the route may be used (0: now). */
  waitFor(route: LimitedRoute): number {
    const now = this.now();
    let until = this.notBefore.get(route) ?? 0;
    const limit = this.limits?.[route];
    if (limit) {
      const log = (this.sent.get(route) ?? []).filter((at) => at > now - limit.windowMs);
      this.sent.set(route, log);
      // A small margin: the server counts from when it received the first hit.
      if (log.length >= limit.max) until = Math.max(until, log[log.length - limit.max]! + limit.windowMs + 5);
    }
    return Math.max(0, until - now);
  }

  recordSend(route: LimitedRoute): void {
    const log = this.sent.get(route) ?? [];
    log.push(this.now());
    this.sent.set(route, log);
  }

  /** From a 429 (Retry-After) or a response that said nothing remains (X-RateLimit-Reset). */
  blockUntil(route: LimitedRoute, at: number): void {
    this.notBefore.set(route, Math.max(this.notBefore.get(route) ?? 0, at));
  }

  fromHeaders(route: LimitedRoute, headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (headers.get('x-ratelimit-remaining') === null || remaining > 0 || !(reset > 0)) return;
    // The reset is in whole seconds (up to a second late). With a known window, the window began at
    // the oldest send still inside it, so it ends one window after that.
    const limit = this.limits?.[route];
    const now = this.now();
    const oldest = limit ? (this.sent.get(route) ?? []).find((at) => at > now - limit.windowMs) : undefined;
    this.blockUntil(route, limit && oldest !== undefined ? Math.min(reset * 1000, oldest + limit.windowMs + 5) : reset * 1000);
  }

  /** Sends per second the limits allow (null: unlimited), for the first sync's estimate. */
  ratePerSecond(route: LimitedRoute): number | null {
    const limit = this.limits?.[route];
    return limit ? (limit.max * 1000) / limit.windowMs : null;
  }
}
