import { and, gt, lt, max, ne } from 'drizzle-orm';
import type { AppEvent } from '../../../shared/contract';
import type { CreditSummary } from '../../../shared/credits';
import type { SyncStatus } from '../../../shared/sync';
import type { LibraryDb, Queryable } from '../db/open';
import { changeFeed } from '../db/schema';
import { findAvatar } from '../avatars/avatarQueries';
import { findGeneration } from '../generation/jobQueries';
import { findPreset } from '../presets/presetQueries';
import { findProjectSummary } from '../projects/projectQueries';

export type ChangeEntry = Pick<typeof changeFeed.$inferInsert, 'entity' | 'entityId' | 'kind' | 'projectId'>;

const RETENTION_MS = 60 * 60 * 1000;
const RECORD_CHUNK = 500;

/**
 * Turns committed rows of the change feed into events. The process that made a change flushes
 * right after its commit; other processes on the same library flush when they see the database
 * file change. Either way each process emits each change once, with the state as it is now.
 */
export class ChangeFeed {
  private lastSeq: number;
  private creditSummary: (() => CreditSummary) | null = null;
  private syncStatus: (() => SyncStatus) | null = null;

  constructor(
    private readonly db: LibraryDb,
    private readonly origin: string,
    private readonly emit: (event: AppEvent) => void,
    private readonly now: () => number,
  ) {
    this.lastSeq = db.select({ seq: max(changeFeed.seq) }).from(changeFeed).get()?.seq ?? 0;
  }

  /** The ledger's totals depend on settings the database does not hold, so the credit book supplies them. */
  describeCredits(summarize: () => CreditSummary): void {
    this.creditSummary = summarize;
  }

  /** Sync's status lives in its own tables; the sync engine supplies it. */
  describeSync(status: () => SyncStatus): void {
    this.syncStatus = status;
  }

  /** Call inside the transaction that makes the change. */
  record(tx: Queryable, entries: ChangeEntry[]): void {
    const at = this.now();
    // Chunked to stay under SQLite's bound-variable limit when a sweep removes thousands of rows.
    for (let start = 0; start < entries.length; start += RECORD_CHUNK) {
      tx.insert(changeFeed)
        .values(entries.slice(start, start + RECORD_CHUNK).map((entry) => ({ ...entry, origin: this.origin, at })))
        .run();
    }
  }

  flush(): void {
    const rows = this.db.select().from(changeFeed).where(gt(changeFeed.seq, this.lastSeq)).orderBy(changeFeed.seq).all();
    if (rows.length === 0) return;
    this.lastSeq = rows[rows.length - 1]!.seq;
    // Several changes to one record in a batch collapse into one event carrying its current state.
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const key = `${row.entity}:${row.entityId}`;
      latest.delete(key);
      latest.set(key, row);
    }
    for (const row of latest.values()) {
      const event = this.toEvent(row);
      if (event) this.emit(event);
    }
  }

  prune(): void {
    this.db
      .delete(changeFeed)
      .where(and(lt(changeFeed.at, this.now() - RETENTION_MS), ne(changeFeed.seq, this.lastSeq)))
      .run();
  }

  private toEvent(row: typeof changeFeed.$inferSelect): AppEvent | null {
    if (row.entity === 'sync') return this.syncStatus ? { name: 'sync.changed', payload: { status: this.syncStatus() } } : null;
    if (row.entity === 'credits') return this.creditSummary ? { name: 'credits.changed', payload: { summary: this.creditSummary() } } : null;
    if (row.entity === 'project') {
      if (row.kind === 'deleted') return { name: 'project.deleted', payload: { id: row.entityId } };
      const project = findProjectSummary(this.db, row.entityId);
      return project ? { name: 'project.changed', payload: { project } } : null;
    }
    if (row.entity === 'generation') {
      const generation = findGeneration(this.db, row.entityId);
      return generation ? { name: 'generation.changed', payload: { generation } } : null;
    }
    if (row.entity === 'preset') {
      if (row.kind === 'deleted') return { name: 'preset.deleted', payload: { id: row.entityId } };
      const preset = findPreset(this.db, row.entityId);
      return preset ? { name: 'preset.changed', payload: { preset } } : null;
    }
    if (row.kind === 'deleted') return { name: 'avatar.deleted', payload: { id: row.entityId, projectId: row.projectId ?? '' } };
    const avatar = findAvatar(this.db, row.entityId);
    return avatar ? { name: 'avatar.changed', payload: { avatar } } : null;
  }
}
