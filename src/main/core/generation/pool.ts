import PQueue from 'p-queue';
import type { AppEvent } from '../../../shared/contract';
import type { QueueStatus, ResolvedParams } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { GenerationStage } from '../../../shared/vocabulary';
import type { LibraryContext } from '../library/context';
import type { Logger } from '../router/router';
import { AdaptiveConcurrency } from './adaptiveConcurrency';
import { CircuitBreaker, type CircuitOptions } from './circuitBreaker';
import { describeFailure } from './describeFailure';
import type { GenerationRow } from './generationRows';
import { countActive, nextDueAt } from './jobQueries';
import type { JobStore } from './jobStore';
import { isOwnerAlive } from './ownerIdentity';
import { DurationAverage, estimateProgress } from './progressEstimate';
import type { ImageProvider, ProviderImage } from './provider';
import { retryDelayMs } from './retryPolicy';
import { saveResult } from './saveResult';

export interface PoolOptions {
  ctx: LibraryContext;
  store: JobStore;
  owner: string;
  providerFor(kind: string): ImageProvider | null;
  concurrency: number;
  emit(event: AppEvent): void;
  log: Logger;
  leaseMs?: number;
  progressIntervalMs?: number;
  retry?: { baseMs: number; capMs: number };
  circuit?: CircuitOptions;
}

/** Images being saved after their provider slot was freed; about one per core keeps the disk and CPU busy. */
const MAX_PENDING_SAVES = 2;

interface RunningJob {
  job: GenerationRow;
  controller: AbortController;
  stage: GenerationStage;
  stageStartedAt: number;
  /** Why we aborted it ourselves, if we did. */
  stopReason: 'cancel' | 'shutdown' | null;
}

/**
 * Runs generation jobs from the library's job table. Each p-queue slot claims the best due job
 * only when it starts, so priorities always reflect the table as it is, several processes can
 * share one library, and nothing is held that is not running.
 */
export class GenerationPool {
  private readonly queue: PQueue;
  private readonly running = new Map<string, RunningJob>();
  private readonly adaptive: AdaptiveConcurrency;
  private readonly circuit: CircuitBreaker;
  private readonly typicalDuration = new DurationAverage();
  private readonly leaseMs: number;
  private paused = false;
  private pauseReason: AppErrorShape | null = null;
  private started = false;
  private stopped = false;
  private hasWork = true;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private lastProgressEmit = new Map<string, number>();
  private readonly saves = new Set<Promise<void>>();

  constructor(private readonly options: PoolOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.adaptive = new AdaptiveConcurrency(options.concurrency);
    this.circuit = new CircuitBreaker(options.circuit);
    this.queue = new PQueue({ concurrency: this.adaptive.effective });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const { store, owner } = this.options;
    store.requeueAbandoned((claimer) => isOwnerAlive(claimer, owner));
    const renew = setInterval(() => store.renewLeases(owner, [...this.running.keys()], this.leaseMs), this.leaseMs / 3);
    const progress = setInterval(() => this.emitProgress(), this.options.progressIntervalMs ?? 250);
    for (const timer of [renew, progress]) {
      timer.unref();
      this.timers.push(timer);
    }
    this.wake();
  }

  /**
   * New or newly due work may exist: fill every free slot. Deferred to a microtask so a claim
   * never runs inside the event emission that announced the work.
   */
  wake(): void {
    this.hasWork = true;
    queueMicrotask(() => this.fill());
  }

  /**
   * Follows job changes from this and other processes: new work wakes the pool; a run whose job
   * is no longer ours in the table (cancelled here or elsewhere) is aborted. The table decides,
   * not the event, which may be older than a claim made since.
   */
  onGenerationChanged(id: string, status: GenerationRow['status']): void {
    if (status === 'pending') this.wake();
    const running = this.running.get(id);
    if (running && !this.options.store.isHeldBy(this.options.owner, id)) this.abort(running, 'cancel');
  }

  status(): QueueStatus {
    return {
      paused: this.paused,
      pauseReason: this.pauseReason,
      concurrency: { ceiling: this.adaptive.ceiling, effective: this.adaptive.effective },
      circuit: this.circuit.state,
      counts: countActive(this.options.ctx.db),
    };
  }

  pause(reason: AppErrorShape | null = null): void {
    this.paused = true;
    this.pauseReason = reason;
    this.emitQueue();
  }

  /** Resuming also clears a pause the provider caused: a new token or new credits are tried on the next job. */
  resume(): void {
    this.paused = false;
    this.pauseReason = null;
    this.emitQueue();
    this.wake();
  }

  setConcurrency(ceiling: number): void {
    this.adaptive.setCeiling(ceiling);
    this.queue.concurrency = this.adaptive.effective;
    this.emitQueue();
    this.wake();
  }

  /** Stops taking work, hands running jobs back to the queue (their attempt not counted) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    for (const timer of this.timers) clearInterval(timer);
    for (const running of this.running.values()) this.abort(running, 'shutdown');
    this.queue.clear();
    await this.queue.onIdle();
    await Promise.allSettled([...this.saves]);
  }

  private fill(): void {
    if (!this.started || this.stopped || this.paused) return;
    while (this.hasWork && this.queue.size + this.queue.pending < this.queue.concurrency) {
      this.queue
        .add(() => this.runSlot())
        .catch((error: unknown) => this.options.log('generation slot failed', error))
        // Refill once the slot is really free; from inside the task it still counts as pending.
        .finally(() => this.fill());
    }
  }

  private async runSlot(): Promise<void> {
    const { store, owner, ctx } = this.options;
    if (this.stopped || this.paused || !this.hasWork) return;
    if (!this.circuit.tryAcquire(ctx.now())) {
      this.hasWork = false;
      this.armWakeTimer();
      return;
    }
    const job = store.claimNext(owner, this.leaseMs);
    if (!job) {
      this.circuit.onInconclusive();
      this.hasWork = false;
      this.armWakeTimer();
      return;
    }
    await this.runJob(job);
  }

  private async runJob(job: GenerationRow): Promise<void> {
    const { ctx } = this.options;
    const running: RunningJob = { job, controller: new AbortController(), stage: 'submitting', stageStartedAt: ctx.now(), stopReason: null };
    this.running.set(job.id, running);
    let image: ProviderImage;
    try {
      const provider = this.options.providerFor(job.provider);
      if (!provider) throw describeFailure.unknownProvider(job.provider);
      const params = JSON.parse(job.params) as Omit<ResolvedParams, 'provider' | 'model' | 'seed'>;
      const reference = job.referenceSha256 === null ? undefined : { bytes: await ctx.references.read(job.referenceSha256), mimeType: 'image/jpeg' };
      image = await provider.generate(
        { prompt: job.prompt, negativePrompt: job.negativePrompt, model: job.model, seed: job.seed, ...params, recipe: JSON.parse(job.recipe), reference },
        { signal: running.controller.signal, onStage: (stage) => this.enterStage(running, stage) },
      );
    } catch (error) {
      this.handleFailure(running, error);
      this.forget(job.id);
      return;
    }
    if (running.stage === 'generating') this.typicalDuration.add(ctx.now() - running.stageStartedAt);
    this.enterStage(running, 'saving');
    this.circuit.onSuccess();
    if (this.adaptive.onSuccess()) this.applyConcurrency();
    // The provider slot is free once the image is here: saving (ingest, fsync, commit) runs beside
    // the next request. The job stays in `running` meanwhile, so its lease is still renewed.
    const save = saveResult(ctx, this.options.store, this.options.owner, job, image)
      .then(
        () => undefined,
        (error: unknown) => this.handleFailure(running, error),
      )
      .finally(() => {
        this.forget(job.id);
        this.saves.delete(save);
      });
    this.saves.add(save);
    // Bounded, so finished images cannot pile up in memory faster than the disk takes them.
    while (this.saves.size >= MAX_PENDING_SAVES) await Promise.race(this.saves);
  }

  private forget(id: string): void {
    this.running.delete(id);
    this.lastProgressEmit.delete(id);
  }

  private handleFailure(running: RunningJob, error: unknown): void {
    const { store, owner, ctx, log } = this.options;
    const { job } = running;
    if (running.stopReason === 'cancel') return this.circuit.onInconclusive();
    if (running.stopReason === 'shutdown') {
      this.circuit.onInconclusive();
      return store.release(owner, job.id);
    }
    const verdict = describeFailure(error);
    if (verdict.action === 'internal') log(`generation ${job.id} failed`, error);
    switch (verdict.action) {
      case 'pause':
        this.circuit.onInconclusive();
        store.release(owner, job.id, verdict.error);
        return this.pause(verdict.error);
      case 'retry': {
        if (verdict.rateLimited) {
          this.circuit.onInconclusive();
          if (this.adaptive.onRateLimited(ctx.now())) this.applyConcurrency();
        } else {
          this.circuit.onFailure(ctx.now());
        }
        if (!verdict.rateLimited && job.attempts >= job.maxAttempts) {
          return store.fail(owner, job.id, { code: verdict.error.code, message: `${verdict.error.message} Gave up after ${job.attempts} attempts.` });
        }
        const delay = retryDelayMs({ attempt: job.attempts, retryAfterMs: verdict.retryAfterMs, ...this.options.retry });
        store.retryLater(owner, job.id, verdict.error, ctx.now() + delay, { refundAttempt: verdict.rateLimited });
        return this.armWakeTimer();
      }
      default:
        this.circuit.onInconclusive();
        return store.fail(owner, job.id, verdict.error);
    }
  }

  private enterStage(running: RunningJob, stage: GenerationStage): void {
    if (running.stage === stage || running.stopReason) return;
    running.stage = stage;
    running.stageStartedAt = this.options.ctx.now();
    this.options.store.setStage(this.options.owner, running.job.id, stage);
    this.emitProgressFor(running, true);
  }

  private abort(running: RunningJob, reason: 'cancel' | 'shutdown'): void {
    running.stopReason ??= reason;
    running.controller.abort(new Error(reason === 'cancel' ? 'Cancelled by the user.' : 'The app is shutting down.'));
  }

  private emitProgress(): void {
    for (const running of this.running.values()) this.emitProgressFor(running, false);
  }

  private emitProgressFor(running: RunningJob, force: boolean): void {
    const now = this.options.ctx.now();
    const interval = this.options.progressIntervalMs ?? 250;
    if (!force && (running.stage !== 'generating' || now - (this.lastProgressEmit.get(running.job.id) ?? 0) < interval)) return;
    this.lastProgressEmit.set(running.job.id, now);
    const progress = estimateProgress(running.stage, now - running.stageStartedAt, this.typicalDuration.ms);
    this.options.emit({ name: 'generation.progress', payload: { id: running.job.id, projectId: running.job.projectId, stage: running.stage, progress } });
  }

  private applyConcurrency(): void {
    this.queue.concurrency = this.adaptive.effective;
    this.emitQueue();
    this.fill();
  }

  /** Sleeps until the earliest retry is due or the circuit lets a probe through. */
  private armWakeTimer(): void {
    if (this.stopped) return;
    const { ctx } = this.options;
    const candidates = [nextDueAt(ctx.db), this.circuit.retryAt].filter((at): at is number => at !== null);
    if (candidates.length === 0) return;
    const delay = Math.max(0, Math.min(...candidates) - ctx.now());
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wake();
    }, delay + 5);
    this.wakeTimer.unref();
  }

  private emitQueue(): void {
    this.options.emit({ name: 'queue.changed', payload: { queue: this.status() } });
  }
}

