import { APP_PATH, CloudError } from './cloudClient';
import { notYet, type SendContext } from './sendContext';
import type { OutboxRow } from './syncStore';

/** docs/sync-api.md §2.2: at most 100 events per request. */
export const USAGE_BATCH = 100;

interface LocalUsage {
  id: string;
  appId: string;
  appName: string;
  action: string;
  referenceId: string | null;
  referenceType: string | null;
  metadata: string | null;
  createdAt: number;
}

/** Thrown when the usage route answers a plain 404: the server no longer has the extension. */
export class UsageRouteGone extends Error {}

/**
 * The rows one request carries. A batch, once sent, keeps its rows (batch_key = its first row's
 * key), so a retry after a lost answer is the same request under the same Idempotency-Key.
 */
const batchOf = (context: SendContext, row: OutboxRow): OutboxRow[] => {
  if (row.batchKey) return context.store.rows('batch_key = ?', row.batchKey);
  const rows = context.store
    .rows(`operation = 'usage' AND status = 'pending' AND parent_id = ? AND batch_key IS NULL AND seq >= ?`, row.parentId, row.seq)
    .slice(0, USAGE_BATCH);
  context.sqlite.transaction(() => rows.forEach((one) => context.store.update(one.seq, { batchKey: row.idempotencyKey })))();
  return rows;
};

/** Sends the usage rows of one avatar (with the extension); returns the rows the cloud recorded. */
export const sendUsage = async (context: SendContext, row: OutboxRow): Promise<OutboxRow[]> => {
  const avatarId = row.parentId ?? '';
  const batch = batchOf(context, row);
  const exists = context.sqlite.prepare('SELECT 1 FROM avatars WHERE id = ?').get(avatarId);
  // The avatar is gone locally: its delete removes it (and its history) from the cloud too.
  if (!exists) return batch;
  const map = context.store.map('avatar', avatarId);
  if (!map) throw notYet('The avatar is not on the server yet.');
  const select = context.sqlite.prepare(
    `SELECT id, app_id AS appId, app_name AS appName, action, reference_id AS referenceId, reference_type AS referenceType, metadata, created_at AS createdAt
     FROM usage_history WHERE id = ?`,
  );
  const events = batch
    .map((one) => select.get(one.entityId) as LocalUsage | undefined)
    .filter((usage): usage is LocalUsage => usage !== undefined)
    .map((usage) => ({
      appId: usage.appId,
      appName: usage.appName,
      action: usage.action,
      ...(usage.referenceId !== null && { referenceId: usage.referenceId }),
      ...(usage.referenceType !== null && { referenceType: usage.referenceType }),
      ...(usage.metadata !== null && { metadata: JSON.parse(usage.metadata) as Record<string, unknown> }),
      occurredAt: new Date(Math.min(usage.createdAt, context.now())).toISOString(),
    }));
  if (events.length === 0) return batch;
  for (const one of batch) context.store.update(one.seq, { firstSentAt: one.firstSentAt ?? context.now(), inFlight: 1 });
  try {
    await context.cloud.request('POST', `${APP_PATH}/avatars/${map.cloudId}/usage`, {
      token: context.token,
      json: { events },
      idempotencyKey: batch[0]!.batchKey ?? row.idempotencyKey,
    });
  } catch (error) {
    if (error instanceof CloudError && error.failure.kind === 'notFound' && error.failure.plain) throw new UsageRouteGone('The server no longer accepts usage history.');
    throw error;
  }
  return batch;
};
