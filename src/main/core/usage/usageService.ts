import { desc, eq, sql } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import type { UsageRecord } from '../../../shared/domain';
import { newId } from '../../../shared/ids';
import { avatars, usageHistory } from '../db/schema';
import type { LibraryContext } from '../library/context';
import { rowToUsageRecord } from './usageRows';
import { avatarNotFound } from '../avatars/avatarService';

export const USAGE_LIST_DEFAULT = 50;


/** Optional text the caller left blank is stored as absent, not as an empty string. */
const optionalText = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/**
 * Each use of an avatar (export, copy, drag out, or a use another Lumiku app reports) becomes an
 * immutable history row; the avatar's usage count and last use move with it in one transaction.
 */
export class UsageService {
  constructor(private readonly ctx: LibraryContext) {}

  record({ avatarId, appId, appName, action, referenceId, referenceType, metadata }: CommandArgs<'usage.record'>): UsageRecord {
    const { db, feed, now } = this.ctx;
    const row = {
      id: newId('usage'),
      avatarId,
      appId,
      appName,
      action,
      referenceId: optionalText(referenceId),
      referenceType: optionalText(referenceType),
      // The contract has already bounded it to 4 KB of UTF-8 JSON.
      metadata: metadata === undefined ? null : JSON.stringify(metadata),
      createdAt: now(),
    };
    // Immediate: the write lock is taken up front, so a concurrent writer (the app and the CLI
    // share a library) makes this wait on busy_timeout instead of failing between read and write.
    db.transaction(
      (tx) => {
        const current = tx.select({ projectId: avatars.projectId }).from(avatars).where(eq(avatars.id, avatarId)).get();
        if (!current) throw avatarNotFound(avatarId);
        tx.insert(usageHistory).values(row).run();
        tx.update(avatars)
          .set({
            usageCount: sql`${avatars.usageCount} + 1`,
            // Never backwards, even if another process's clock is behind this one's.
            lastUsedAt: sql`max(coalesce(${avatars.lastUsedAt}, 0), ${row.createdAt})`,
          })
          .where(eq(avatars.id, avatarId))
          .run();
        feed.record(tx, [{ entity: 'avatar', entityId: avatarId, kind: 'changed', projectId: current.projectId }]);
      },
      { behavior: 'immediate' },
    );
    feed.flush();
    return rowToUsageRecord(row);
  }

  /** Newest first. An unknown avatar is NOT_FOUND rather than an empty timeline. */
  list({ avatarId, limit }: CommandArgs<'usage.list'>): UsageRecord[] {
    const { db } = this.ctx;
    return db.transaction(
      (tx) => {
        const found = tx.select({ id: avatars.id }).from(avatars).where(eq(avatars.id, avatarId)).get();
        if (!found) throw avatarNotFound(avatarId);
        return tx
          .select()
          .from(usageHistory)
          .where(eq(usageHistory.avatarId, avatarId))
          .orderBy(desc(usageHistory.createdAt), desc(usageHistory.id))
          .limit(limit ?? USAGE_LIST_DEFAULT)
          .all()
          .map(rowToUsageRecord);
      },
      { behavior: 'deferred' },
    );
  }
}
