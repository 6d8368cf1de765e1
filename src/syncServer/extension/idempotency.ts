import type { Reply } from '../http/reply';
import type { Db } from '../store/schema';

/**
 * The extension's Idempotency-Key store (docs/sync-api.md). A key is scoped to user + method +
 * path; only successful answers are kept (a refused create committed nothing, so a retry must
 * run again); an answer is written in the same event-loop turn as the create it describes.
 */
export type IdempotencyDecision =
  | { kind: 'run'; finish(reply: Reply): void; abandon(): void }
  | { kind: 'replay'; reply: Reply }
  | { kind: 'conflict' }
  | { kind: 'in-progress' };

export interface IdempotencyStore {
  begin(userId: string, scope: string, key: string, fingerprint: string): IdempotencyDecision;
  count(): number;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: string;
  createdMs: number;
}

export const createIdempotencyStore = (db: Db, ttlMs: number, clock: () => number): IdempotencyStore => {
  const inFlight = new Set<string>();
  const select = db.prepare(
    'SELECT fingerprint, status, body, created_ms AS createdMs FROM idempotency WHERE user_id = ? AND scope = ? AND key = ?',
  );
  const insert = db.prepare(
    'INSERT OR REPLACE INTO idempotency (user_id, scope, key, fingerprint, status, body, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const purge = db.prepare('DELETE FROM idempotency WHERE created_ms <= ?');

  return {
    begin: (userId, scope, key, fingerprint) => {
      const now = clock();
      purge.run(now - ttlMs);
      const id = `${userId}\n${scope}\n${key}`;
      const stored = select.get(userId, scope, key) as StoredAnswer | undefined;
      if (stored) {
        if (stored.fingerprint !== fingerprint) return { kind: 'conflict' };
        return {
          kind: 'replay',
          reply: { status: stored.status, body: JSON.parse(stored.body) as unknown, headers: { 'Idempotent-Replayed': 'true' } },
        };
      }
      if (inFlight.has(id)) return { kind: 'in-progress' };
      inFlight.add(id);
      let open = true;
      const release = () => {
        open = false;
        inFlight.delete(id);
      };
      return {
        kind: 'run',
        finish: (reply) => {
          if (!open) return;
          if (reply.status >= 200 && reply.status < 300) {
            insert.run(userId, scope, key, fingerprint, reply.status, JSON.stringify(reply.body), clock());
          }
          release();
        },
        abandon: release,
      };
    },
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM idempotency').get() as { n: number }).n,
  };
};
