/**
 * Additive increase, multiplicative decrease: a 429 halves how many requests run at once, and
 * each full round of successes adds one back, up to the user's ceiling. One burst of 429s from
 * requests that were already in flight counts as a single signal.
 */
export class AdaptiveConcurrency {
  private current: number;
  private successes = 0;
  private lastDecreaseAt = -Infinity;

  constructor(
    private ceilingValue: number,
    private readonly quietMs = 1000,
  ) {
    this.current = ceilingValue;
  }

  get ceiling(): number {
    return this.ceilingValue;
  }

  get effective(): number {
    return this.current;
  }

  setCeiling(ceiling: number): void {
    this.ceilingValue = ceiling;
    // Never throttled: follow the user's setting at once. Throttled: climb towards a raised ceiling.
    this.current = this.lastDecreaseAt === -Infinity ? ceiling : Math.min(this.current, ceiling);
  }

  onRateLimited(now: number): boolean {
    if (now - this.lastDecreaseAt < this.quietMs) return false;
    this.lastDecreaseAt = now;
    this.successes = 0;
    const next = Math.max(1, Math.floor(this.current / 2));
    const changed = next !== this.current;
    this.current = next;
    return changed;
  }

  onSuccess(): boolean {
    if (this.current >= this.ceilingValue) return false;
    this.successes += 1;
    if (this.successes < this.current) return false;
    this.successes = 0;
    this.current += 1;
    return true;
  }
}
