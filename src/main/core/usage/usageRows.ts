import type { UsageRecord } from '../../../shared/domain';
import type { usageHistory } from '../db/schema';

type UsageRow = typeof usageHistory.$inferSelect;

const parseMetadata = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // Only this code writes the column; a row edited by hand must not break the whole timeline.
    return null;
  }
};

export const rowToUsageRecord = (row: UsageRow): UsageRecord => ({
  id: row.id,
  avatarId: row.avatarId,
  appId: row.appId,
  appName: row.appName,
  action: row.action,
  referenceId: row.referenceId,
  referenceType: row.referenceType,
  metadata: parseMetadata(row.metadata),
  createdAt: row.createdAt,
});
