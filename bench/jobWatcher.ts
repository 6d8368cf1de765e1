// Follows a run through the library's own events (in process): when every job has ended, when
// each ended, and how many requests the pool allowed at once over time.
import { performance } from 'node:perf_hooks';
import type { Library } from '../src/main/core';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export class JobWatcher {
  private readonly ended = new Set<string>();
  private readonly endTimes: number[] = [];
  private readonly startedAt = performance.now();
  private effective: number;
  private effectiveSince = this.startedAt;
  private effectiveArea = 0;
  private finishedAt: number | null = null;
  private readonly unsubscribe: () => void;
  private onAllEnded: (() => void) | null = null;

  constructor(
    library: Library,
    private readonly jobs: number,
    private readonly concurrency: number,
  ) {
    this.effective = concurrency;
    this.unsubscribe = library.events.subscribe((event) => {
      if (event.name === 'queue.changed') this.setEffective(event.payload.queue.concurrency.effective);
      if (event.name !== 'generation.changed') return;
      const { id, status } = event.payload.generation;
      if (!TERMINAL.has(status) || this.ended.has(id)) return;
      this.ended.add(id);
      this.endTimes.push(performance.now());
      if (this.ended.size === this.jobs) {
        this.finishedAt = performance.now();
        this.onAllEnded?.();
      }
    });
  }

  allFinished(timeoutMs: number): Promise<void> {
    if (this.ended.size === this.jobs) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`run timed out: ${this.ended.size}/${this.jobs} jobs ended`)), timeoutMs);
      this.onAllEnded = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Jobs per second between the end of the first wave and the start of the last (ramp and tail excluded). */
  steadyRate(): number | null {
    const c = this.concurrency;
    const n = this.endTimes.length;
    if (n < 2 * c + 2) return null;
    const from = this.endTimes[c - 1]!;
    const to = this.endTimes[n - 1 - c]!;
    return to > from ? ((n - 2 * c) * 1000) / (to - from) : null;
  }

  /** Time-weighted mean of the pool's effective concurrency from the start to the last job's end. */
  meanEffectiveConcurrency(): number {
    const end = this.finishedAt ?? performance.now();
    const area = this.effectiveArea + this.effective * (end - this.effectiveSince);
    return end > this.startedAt ? area / (end - this.startedAt) : this.effective;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private setEffective(value: number): void {
    if (this.finishedAt !== null) return;
    const now = performance.now();
    this.effectiveArea += this.effective * (now - this.effectiveSince);
    this.effective = value;
    this.effectiveSince = now;
  }
}
