import type Database from 'better-sqlite3';

/** One outbox row as the relay reads it. */
export interface OutboxRow {
  seq: number;
  entityType: 'project' | 'avatar' | 'usage';
  entityId: string;
  operation: 'create' | 'update' | 'delete' | 'usage';
  payload: string;
  idempotencyKey: string;
  status: 'pending' | 'sending' | 'error' | 'conflict';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  createdAt: number;
  parentId: string | null;
  initial: number;
  firstSentAt: number | null;
  inFlight: number;
  sentSha256: string | null;
  batchKey: string | null;
}

export interface MapRow {
  cloudId: string;
  remoteUpdatedAt: string | null;
  remoteFields: string | null;
}

const OUTBOX_COLUMNS = `seq, entity_type AS entityType, entity_id AS entityId, operation, payload, idempotency_key AS idempotencyKey,
  status, attempts, last_error AS lastError, next_attempt_at AS nextAttemptAt, created_at AS createdAt, parent_id AS parentId,
  initial, first_sent_at AS firstSentAt, in_flight AS inFlight, sent_sha256 AS sentSha256, batch_key AS batchKey`;

/**
 * The sync tables through plain prepared statements (the relay runs them in a loop). Every process
 * opens its own store on the shared library file; what one writes, the others read.
 */
export class SyncStore {
  constructor(readonly sqlite: Database.Database) {}

  getMeta<T>(key: string): T | null {
    const row = this.sqlite.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setMeta(key: string, value: unknown): void {
    if (value === null || value === undefined) this.sqlite.prepare('DELETE FROM sync_meta WHERE key = ?').run(key);
    else this.sqlite.prepare('INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  /**
   * The next row the relay may send: the oldest pending one whose turn has come, never ahead of an
   * earlier row of the same record, nor of its parent's error or conflict; usage only when the
   * server takes it. A row waiting for its parent (next_attempt_at) lets the others pass.
   */
  next(now: number, usageAccepted: boolean): OutboxRow | null {
    return (
      (this.sqlite
        .prepare(
          `SELECT ${OUTBOX_COLUMNS} FROM sync_outbox o WHERE o.status = 'pending'
             AND (? OR o.operation <> 'usage')
             AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
             AND NOT EXISTS (SELECT 1 FROM sync_outbox b WHERE b.seq < o.seq AND b.entity_id = o.entity_id)
             AND NOT EXISTS (SELECT 1 FROM sync_outbox b WHERE b.seq < o.seq AND b.status IN ('error', 'conflict') AND b.entity_id = o.parent_id)
           ORDER BY o.seq LIMIT 1`,
        )
        .get(usageAccepted ? 1 : 0, now) as OutboxRow | undefined) ?? null
    );
  }

  row(seq: number): OutboxRow | null {
    return (this.sqlite.prepare(`SELECT ${OUTBOX_COLUMNS} FROM sync_outbox WHERE seq = ?`).get(seq) as OutboxRow | undefined) ?? null;
  }

  rows(where: string, ...params: unknown[]): OutboxRow[] {
    return this.sqlite.prepare(`SELECT ${OUTBOX_COLUMNS} FROM sync_outbox WHERE ${where} ORDER BY seq`).all(...params) as OutboxRow[];
  }

  /** Done: the row leaves the outbox only after the cloud's 2xx. */
  ack(seq: number): void {
    this.sqlite.prepare('DELETE FROM sync_outbox WHERE seq = ?').run(seq);
  }

  /** Later edits of the same record that the request just sent already carried (it sent the record as it was at `upTo`). */
  dropCoveredUpdates(entityType: string, entityId: string, upTo: number): void {
    this.sqlite
      .prepare(`DELETE FROM sync_outbox WHERE entity_type = ? AND entity_id = ? AND operation = 'update' AND status = 'pending' AND seq <= ?`)
      .run(entityType, entityId, upTo);
  }

  maxSeq(): number {
    return (this.sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM sync_outbox').get() as { seq: number }).seq;
  }

  update(seq: number, fields: Partial<Pick<OutboxRow, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'firstSentAt' | 'inFlight' | 'sentSha256' | 'batchKey' | 'payload'>>): void {
    const columns: Record<string, string> = {
      status: 'status', attempts: 'attempts', lastError: 'last_error', nextAttemptAt: 'next_attempt_at', firstSentAt: 'first_sent_at',
      inFlight: 'in_flight', sentSha256: 'sent_sha256', batchKey: 'batch_key', payload: 'payload',
    };
    const keys = Object.keys(fields) as (keyof typeof fields)[];
    if (keys.length === 0) return;
    this.sqlite
      .prepare(`UPDATE sync_outbox SET ${keys.map((key) => `${columns[key]} = ?`).join(', ')} WHERE seq = ?`)
      .run(...keys.map((key) => (typeof fields[key] === 'boolean' ? Number(fields[key]) : (fields[key] ?? null))), seq);
  }

  map(entityType: 'project' | 'avatar', localId: string): MapRow | null {
    return (
      (this.sqlite
        .prepare('SELECT cloud_id AS cloudId, remote_updated_at AS remoteUpdatedAt, remote_fields AS remoteFields FROM sync_map WHERE entity_type = ? AND local_id = ?')
        .get(entityType, localId) as MapRow | undefined) ?? null
    );
  }

  mappedCloudIds(entityType: 'project' | 'avatar'): Set<string> {
    const rows = this.sqlite.prepare('SELECT cloud_id AS cloudId FROM sync_map WHERE entity_type = ?').all(entityType) as { cloudId: string }[];
    return new Set(rows.map((row) => row.cloudId));
  }

  setMap(entityType: 'project' | 'avatar', localId: string, cloudId: string, remoteUpdatedAt: string | null, remoteFields: unknown): void {
    this.sqlite
      .prepare(
        `INSERT INTO sync_map (entity_type, local_id, cloud_id, remote_updated_at, remote_fields) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(entity_type, local_id) DO UPDATE SET cloud_id = excluded.cloud_id, remote_updated_at = excluded.remote_updated_at, remote_fields = excluded.remote_fields`,
      )
      .run(entityType, localId, cloudId, remoteUpdatedAt, JSON.stringify(remoteFields));
  }

  unmap(entityType: 'project' | 'avatar', localId: string): void {
    this.sqlite.prepare('DELETE FROM sync_map WHERE entity_type = ? AND local_id = ?').run(entityType, localId);
  }

  /** Runs `apply` with the outbox triggers silenced (the relay writing the cloud's state locally). */
  suppressed<T>(apply: () => T): T {
    return this.sqlite.transaction(() => {
      this.sqlite.prepare('INSERT OR IGNORE INTO sync_suppress (id) VALUES (1)').run();
      try {
        return apply();
      } finally {
        this.sqlite.prepare('DELETE FROM sync_suppress').run();
      }
    })();
  }

  counts(): { queued: number; usage: number; errors: number; conflicts: number; initialLeft: number; initialUploadsLeft: number } {
    return this.sqlite
      .prepare(
        `SELECT coalesce(sum(status IN ('pending', 'sending')), 0) AS queued, coalesce(sum(operation = 'usage' AND status = 'pending'), 0) AS usage,
           coalesce(sum(status = 'error'), 0) AS errors, coalesce(sum(status = 'conflict'), 0) AS conflicts,
           coalesce(sum(initial = 1 AND status IN ('pending', 'sending')), 0) AS initialLeft,
           coalesce(sum(initial = 1 AND status IN ('pending', 'sending') AND entity_type = 'avatar' AND operation = 'create'), 0) AS initialUploadsLeft
         FROM sync_outbox`,
      )
      .get() as { queued: number; usage: number; errors: number; conflicts: number; initialLeft: number; initialUploadsLeft: number };
  }

  enabledProjects(): string[] {
    return (this.sqlite.prepare('SELECT project_id AS id FROM sync_projects WHERE enabled = 1 ORDER BY project_id').all() as { id: string }[]).map((row) => row.id);
  }

  /**
   * Takes or renews the relay lease: only one process on the library relays at a time. Atomic under
   * SQLite's write lock, so two processes cannot both win.
   */
  takeLease(owner: string, now: number, ttlMs: number): boolean {
    return this.sqlite.transaction(() => {
      const lease = this.getMeta<{ owner: string; expiresAt: number }>('lease');
      if (lease && lease.owner !== owner && lease.expiresAt > now) return false;
      this.setMeta('lease', { owner, expiresAt: now + ttlMs });
      return true;
    }).immediate();
  }

  releaseLease(owner: string): void {
    const lease = this.getMeta<{ owner: string }>('lease');
    if (lease?.owner === owner) this.setMeta('lease', null);
  }
}
