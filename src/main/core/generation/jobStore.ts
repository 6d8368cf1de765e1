import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ResolvedParams, Recipe } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { GenerationPriority, GenerationStage } from '../../../shared/vocabulary';
import { newId } from '../../../shared/ids';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { generations } from '../db/schema';
import type { LibraryTx } from '../db/open';
import type { LibraryContext } from '../library/context';
import { PRIORITY_VALUE, type GenerationRow } from './generationRows';

export interface NewJob {
  projectId: string;
  batchId: string | null;
  name: string;
  priority: GenerationPriority;
  maxAttempts: number;
  recipe: Recipe;
  prompt: string;
  negativePrompt: string | null;
  params: ResolvedParams;
  /** Lineage: the avatar this one varies or was made from. */
  sourceAvatarId?: string | null;
  presetId?: string | null;
  /** Image-to-image: the reference image the job sends (see ReferenceStore). */
  referenceSha256?: string | null;
  /** Charged when the row is inserted, refunded if it fails or is cancelled (triggers). */
  creditCost?: number;
}

const changed = (row: Pick<GenerationRow, 'id' | 'projectId'>) => ({ entity: 'generation' as const, entityId: row.id, kind: 'changed' as const, projectId: row.projectId });

/**
 * Every state change of a job, each one atomic and recorded in the change feed so every
 * process on the library sees it. Guards in the WHERE clauses make a late writer (a cancelled
 * job finishing, a crashed claim coming back) a no-op instead of a conflict.
 */
export class JobStore {
  constructor(private readonly ctx: LibraryContext) {}

  /** `guard` runs first inside the transaction and may refuse the whole request (the spending guard). */
  create(jobs: NewJob[], guard?: (tx: LibraryTx) => void): string[] {
    const { db, feed, now } = this.ctx;
    const at = now();
    const rows = jobs.map((job, index) => ({
      id: newId('generation'),
      projectId: job.projectId,
      batchId: job.batchId,
      name: job.name,
      status: 'pending' as const,
      stage: 'queued' as const,
      priority: PRIORITY_VALUE[job.priority],
      maxAttempts: job.maxAttempts,
      recipe: JSON.stringify(job.recipe),
      prompt: job.prompt,
      negativePrompt: job.negativePrompt,
      seed: job.params.seed,
      model: job.params.model,
      provider: job.params.provider,
      params: JSON.stringify({ width: job.params.width, height: job.params.height, steps: job.params.steps, guidance: job.params.guidance }),
      sourceAvatarId: job.sourceAvatarId ?? null,
      presetId: job.presetId ?? null,
      referenceSha256: job.referenceSha256 ?? null,
      creditCost: job.creditCost ?? 0,
      // Keeps the order of a batch stable even within one millisecond.
      createdAt: at + index / 1000,
      updatedAt: at,
    }));
    // IMMEDIATE: the guard's read of today's spending and these inserts are one step for every process.
    db.transaction(
      (tx) => {
        guard?.(tx);
        for (let start = 0; start < rows.length; start += 100) tx.insert(generations).values(rows.slice(start, start + 100)).run();
        this.ctx.feed.record(tx, rows.map(changed));
      },
      { behavior: 'immediate' },
    );
    feed.flush();
    return rows.map((row) => row.id);
  }

  /** Atomically takes the best due job: two processes can never claim the same one. */
  claimNext(owner: string, leaseMs: number): GenerationRow | null {
    const { db, feed, now } = this.ctx;
    const at = now();
    const claimed = db.transaction((tx) => {
      const row = tx
        .update(generations)
        .set({
          status: 'processing',
          stage: 'submitting',
          progress: 0,
          claimedBy: owner,
          leaseExpiresAt: at + leaseMs,
          attempts: sql`${generations.attempts} + 1`,
          startedAt: sql`coalesce(${generations.startedAt}, ${at})`,
          nextAttemptAt: null,
          updatedAt: at,
        })
        .where(
          eq(
            generations.id,
            sql`(select id from generations where status = 'pending' and (next_attempt_at is null or next_attempt_at <= ${at})
                 order by priority desc, created_at, id limit 1)`,
          ),
        )
        .returning()
        .get();
      if (row) feed.record(tx, [changed(row)]);
      return row ?? null;
    });
    if (claimed) feed.flush();
    return claimed;
  }

  isHeldBy(owner: string, id: string): boolean {
    const row = this.ctx.db.select({ status: generations.status, claimedBy: generations.claimedBy }).from(generations).where(eq(generations.id, id)).get();
    return row?.status === 'processing' && row.claimedBy === owner;
  }

  renewLeases(owner: string, ids: string[], leaseMs: number): void {
    if (ids.length === 0) return;
    const { db, now } = this.ctx;
    db.update(generations)
      .set({ leaseExpiresAt: now() + leaseMs })
      .where(and(inArray(generations.id, ids), eq(generations.claimedBy, owner), eq(generations.status, 'processing')))
      .run();
  }

  setStage(owner: string, id: string, stage: GenerationStage): void {
    this.update(owner, id, { stage });
  }

  /**
   * Back to the queue after a transient failure, due again at `nextAttemptAt`. A throttled
   * request (429) was never worked on, so it gives its attempt back: a batch slowed by rate
   * limits waits longer but does not fail.
   */
  retryLater(owner: string, id: string, error: AppErrorShape, nextAttemptAt: number, { refundAttempt = false } = {}): void {
    this.requeue(owner, id, { error, nextAttemptAt, refundAttempt });
  }

  /** Back to the queue through no fault of the job (queue paused, app shutting down): the attempt does not count. */
  release(owner: string, id: string, error: AppErrorShape | null = null): void {
    this.requeue(owner, id, { error, nextAttemptAt: null, refundAttempt: true });
  }

  fail(owner: string, id: string, error: AppErrorShape): void {
    this.update(owner, id, { status: 'failed', stage: 'done', claimedBy: null, leaseExpiresAt: null, errorCode: error.code, errorMessage: error.message, finishedAt: this.ctx.now() });
  }

  /**
   * Marks the job done inside the caller's transaction (which also inserts the avatar), only if
   * this process still holds it; false means it was cancelled or reclaimed meanwhile.
   */
  completeIn(tx: LibraryTx, owner: string, id: string): boolean {
    const at = this.ctx.now();
    const result = tx
      .update(generations)
      .set({ status: 'completed', stage: 'done', progress: 1, claimedBy: null, leaseExpiresAt: null, errorCode: null, errorMessage: null, finishedAt: at, updatedAt: at })
      .where(and(eq(generations.id, id), eq(generations.claimedBy, owner), eq(generations.status, 'processing')))
      .returning({ id: generations.id, projectId: generations.projectId })
      .get();
    if (result) this.ctx.feed.record(tx, [changed(result)]);
    return Boolean(result);
  }

  /** Pending or processing → cancelled. The process running it sees the change and aborts. */
  cancel(id: string): boolean {
    return this.transition(id, ['pending', 'processing'], undefined, { status: 'cancelled', stage: 'done', claimedBy: null, leaseExpiresAt: null, nextAttemptAt: null, finishedAt: this.ctx.now() });
  }

  /** Failed or cancelled → pending with fresh attempts; the job id, and so its avatar id, stay the same. */
  retry(id: string, guard?: (tx: LibraryTx, job: GenerationRow) => void): boolean {
    return this.transition(id, ['failed', 'cancelled'], guard, { status: 'pending', stage: 'queued', progress: 0, attempts: 0, errorCode: null, errorMessage: null, nextAttemptAt: null, finishedAt: null });
  }

  /**
   * Claims whose holder is gone go back to the queue (their attempt counted); a job out of
   * attempts fails with an explanation instead of looping on a crash.
   */
  requeueAbandoned(isAlive: (owner: string) => boolean): number {
    const { db, feed, now } = this.ctx;
    const at = now();
    const count = db.transaction((tx) => {
      const stale = tx
        .select()
        .from(generations)
        .where(eq(generations.status, 'processing'))
        .all()
        .filter((row) => row.claimedBy === null || (row.leaseExpiresAt ?? 0) < at || !isAlive(row.claimedBy));
      for (const row of stale) {
        const exhausted = row.attempts >= row.maxAttempts;
        tx.update(generations)
          .set(
            exhausted
              ? {
                  status: 'failed',
                  stage: 'done',
                  claimedBy: null,
                  leaseExpiresAt: null,
                  finishedAt: at,
                  updatedAt: at,
                  errorCode: 'PROVIDER_UNAVAILABLE',
                  errorMessage: `Interrupted ${row.attempts} times (the app or the CLI stopped while it ran); retry it to try again.`,
                }
              : { status: 'pending', stage: 'queued', progress: 0, claimedBy: null, leaseExpiresAt: null, updatedAt: at },
          )
          .where(eq(generations.id, row.id))
          .run();
      }
      feed.record(tx, stale.map(changed));
      return stale.length;
    });
    if (count > 0) feed.flush();
    return count;
  }

  private requeue(owner: string, id: string, { error, nextAttemptAt, refundAttempt }: { error: AppErrorShape | null; nextAttemptAt: number | null; refundAttempt: boolean }): void {
    this.update(owner, id, {
      status: 'pending',
      stage: 'queued',
      progress: 0,
      claimedBy: null,
      leaseExpiresAt: null,
      nextAttemptAt,
      ...(error && { errorCode: error.code, errorMessage: error.message }),
      ...(refundAttempt && { attempts: sql`max(${generations.attempts} - 1, 0)` }),
    });
  }

  private update(owner: string, id: string, values: SQLiteUpdateSetSource<typeof generations>): void {
    const { db, feed, now } = this.ctx;
    const done = db.transaction((tx) => {
      const row = tx
        .update(generations)
        .set({ ...values, updatedAt: now() })
        .where(and(eq(generations.id, id), eq(generations.claimedBy, owner), eq(generations.status, 'processing')))
        .returning({ id: generations.id, projectId: generations.projectId })
        .get();
      if (row) feed.record(tx, [changed(row)]);
      return Boolean(row);
    });
    if (done) feed.flush();
  }

  private transition(
    id: string,
    from: GenerationRow['status'][],
    guard: ((tx: LibraryTx, job: GenerationRow) => void) | undefined,
    values: SQLiteUpdateSetSource<typeof generations>,
  ): boolean {
    const { db, feed, now } = this.ctx;
    const done = db.transaction((tx) => {
      if (guard) {
        const job = tx.select().from(generations).where(and(eq(generations.id, id), inArray(generations.status, from))).get();
        if (job) guard(tx, job);
      }
      const row = tx
        .update(generations)
        .set({ ...values, updatedAt: now() })
        .where(and(eq(generations.id, id), inArray(generations.status, from)))
        .returning({ id: generations.id, projectId: generations.projectId })
        .get();
      if (row) feed.record(tx, [changed(row)]);
      return Boolean(row);
    }, { behavior: guard ? 'immediate' : 'deferred' });
    if (done) feed.flush();
    return done;
  }
}
