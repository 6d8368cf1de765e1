export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitOptions {
  /** Consecutive transient failures that open the circuit. */
  threshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
}

export const DEFAULT_CIRCUIT: CircuitOptions = { threshold: 5, cooldownMs: 15_000, maxCooldownMs: 120_000 };

/**
 * Stops hammering a provider that keeps failing: after `threshold` failures in a row it opens
 * for a cooldown, then lets one probe through; success closes it, failure reopens it for longer.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedUntil = 0;
  private cooldown: number;
  private probing = false;
  private stateValue: CircuitState = 'closed';

  constructor(private readonly options: CircuitOptions = DEFAULT_CIRCUIT) {
    this.cooldown = options.cooldownMs;
  }

  get state(): CircuitState {
    return this.stateValue;
  }

  /** When an open circuit will let a probe through (for the scheduler's timer). */
  get retryAt(): number | null {
    return this.stateValue === 'open' ? this.openedUntil : null;
  }

  /** Whether a new request may start now; in half-open, only the single probe may. */
  tryAcquire(now: number): boolean {
    if (this.stateValue === 'open' && now >= this.openedUntil) this.stateValue = 'half_open';
    if (this.stateValue === 'closed') return true;
    if (this.stateValue === 'half_open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  onSuccess(): void {
    this.failures = 0;
    this.probing = false;
    this.cooldown = this.options.cooldownMs;
    this.stateValue = 'closed';
  }

  onFailure(now: number): void {
    this.failures += 1;
    if (this.stateValue === 'half_open') {
      this.probing = false;
      this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs);
      this.open(now);
      return;
    }
    if (this.failures >= this.options.threshold) this.open(now);
  }

  /** A probe that ended without a verdict (cancelled, released) frees the slot for another. */
  onInconclusive(): void {
    this.probing = false;
  }

  private open(now: number): void {
    this.stateValue = 'open';
    this.openedUntil = now + this.cooldown;
  }
}
