import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AvatarSort } from '../../../shared/vocabulary';
import { avatars } from '../db/schema';
import type { AvatarRow } from './avatarRows';
import type { CursorKey } from './searchCursor';

/**
 * Each sort's ORDER BY, the key a cursor keeps of a page's last row, and the condition for "after
 * that row". Every order ends in the id, so it is total and pages never overlap or skip.
 * The terms match the indexes of drizzle/0003_avatar_search.sql term for term (including
 * `coalesce(last_used_at, -1)` and `name collate nocase`), so pages are read in index order, and
 * each "after" is a range on the index: a row value where SQLite takes one as a range (plain
 * columns), else `first >= x and (first > x or rest after)` (an expression or collation first).
 */
export interface AvatarSortSpec {
  orderBy: SQL[];
  key(row: AvatarRow): CursorKey;
  after(key: CursorKey): SQL;
}

const lastUsed = sql`coalesce(${avatars.lastUsedAt}, -1)`;
const byName = sql`${avatars.name} collate nocase`;

export const AVATAR_SORT_SPECS: Record<AvatarSort, AvatarSortSpec> = {
  newest: {
    orderBy: [desc(avatars.createdAt), desc(avatars.id)],
    key: (row) => [row.createdAt, row.id],
    after: ([createdAt, id]) => sql`(${avatars.createdAt}, ${avatars.id}) < (${createdAt}, ${id})`,
  },
  most_used: {
    orderBy: [desc(avatars.usageCount), desc(avatars.createdAt), desc(avatars.id)],
    key: (row) => [row.usageCount, row.createdAt, row.id],
    after: ([usage, createdAt, id]) => sql`(${avatars.usageCount}, ${avatars.createdAt}, ${avatars.id}) < (${usage}, ${createdAt}, ${id})`,
  },
  // Never-used avatars (null) come last: -1 is below every real time under DESC.
  recently_used: {
    orderBy: [sql`${lastUsed} desc`, desc(avatars.createdAt), desc(avatars.id)],
    key: (row) => [row.lastUsedAt ?? -1, row.createdAt, row.id],
    after: ([usedAt, createdAt, id]) =>
      sql`${lastUsed} <= ${usedAt} and (${lastUsed} < ${usedAt} or (${avatars.createdAt}, ${avatars.id}) < (${createdAt}, ${id}))`,
  },
  name: {
    orderBy: [sql`${byName} asc`, asc(avatars.id)],
    key: (row) => [row.name, row.id],
    after: ([name, id]) => sql`${byName} >= ${name} and (${byName} > ${name} or ${avatars.id} > ${id})`,
  },
};
