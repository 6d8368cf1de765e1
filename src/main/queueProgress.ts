import type { AppEvent } from '../shared/contract';

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

/**
 * The taskbar/dock bar for the whole queue: of the jobs seen since the queue was last idle, how
 * much is done. Plain code, no Electron, so it is tested in Node; the shell only draws it.
 */
export class QueueProgress {
  private readonly jobs = new Map<string, { finished: boolean; progress: number }>();
  private pausedValue = false;

  /** Returns true when what the bar shows has changed. */
  apply(event: AppEvent): boolean {
    const before = this.snapshot();
    if (event.name === 'generation.changed') {
      const { id, status, progress } = event.payload.generation;
      if (!this.jobs.has(id) && FINISHED.has(status)) return false;
      this.jobs.set(id, { finished: FINISHED.has(status), progress: FINISHED.has(status) ? 1 : progress });
    } else if (event.name === 'generation.progress') {
      const job = this.jobs.get(event.payload.id);
      if (!job || job.finished) return false;
      job.progress = event.payload.progress;
    } else if (event.name === 'queue.changed') {
      this.pausedValue = event.payload.queue.paused;
    } else {
      return false;
    }
    // A run is over when nothing is left to do: the next job starts a new bar.
    if ([...this.jobs.values()].every((job) => job.finished)) this.jobs.clear();
    return this.snapshot() !== before;
  }

  /** 0–1 while work is queued or running, null when idle (no bar). */
  get fraction(): number | null {
    if (this.jobs.size === 0) return null;
    let sum = 0;
    for (const job of this.jobs.values()) sum += job.progress;
    return sum / this.jobs.size;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  private snapshot(): string {
    const fraction = this.fraction;
    return `${fraction === null ? 'idle' : fraction.toFixed(3)}:${this.pausedValue}`;
  }
}
