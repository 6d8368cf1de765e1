import { newId } from './ids';
import type { Db } from './schema';

/** AvatarUsageHistory as the cloud answers it; metadata stays the stored JSON string. */
export interface UsageJson {
  id: string;
  avatarId: string;
  userId: string;
  appId: string;
  appName: string;
  action: string;
  referenceId: string | null;
  referenceType: string | null;
  metadata: string | null;
  createdAt: string;
}

export interface UsageSummaryJson {
  appId: string;
  appName: string;
  count: number;
  lastUsed: string;
}

const COLUMNS = `id, avatar_id AS avatarId, user_id AS userId, app_id AS appId, app_name AS appName, action,
  reference_id AS referenceId, reference_type AS referenceType, metadata, created_at AS createdAt`;

/** The cloud's page size for usage history. */
export const USAGE_HISTORY_LIMIT = 50;

export const listUsage = (db: Db, avatarId: string, limit: number = USAGE_HISTORY_LIMIT): UsageJson[] =>
  db
    .prepare(`SELECT ${COLUMNS} FROM usage_history WHERE avatar_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?`)
    .all(avatarId, limit) as UsageJson[];

export const listAllUsage = (db: Db): UsageJson[] =>
  db.prepare(`SELECT ${COLUMNS} FROM usage_history ORDER BY created_at DESC, seq DESC`).all() as UsageJson[];

/** groupBy appId + appName with count and newest use, as the cloud's summary. */
export const usageSummary = (db: Db, avatarId: string): UsageSummaryJson[] =>
  db
    .prepare(
      `SELECT app_id AS appId, app_name AS appName, COUNT(*) AS count, MAX(created_at) AS lastUsed
       FROM usage_history WHERE avatar_id = ? GROUP BY app_id, app_name ORDER BY lastUsed DESC`,
    )
    .all(avatarId) as UsageSummaryJson[];

export interface NewUsage {
  avatarId: string;
  userId: string;
  appId: string;
  appName: string;
  action: string;
  referenceId?: string;
  referenceType?: string;
  metadata?: Record<string, unknown>;
  createdAt: string;
}

export const insertUsage = (db: Db, usage: NewUsage, now: number): UsageJson => {
  const id = newId(now);
  db.prepare(
    `INSERT INTO usage_history (id, avatar_id, user_id, app_id, app_name, action, reference_id, reference_type, metadata, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id, usage.avatarId, usage.userId, usage.appId, usage.appName, usage.action,
    usage.referenceId || null, usage.referenceType || null,
    usage.metadata ? JSON.stringify(usage.metadata) : null, usage.createdAt,
  );
  return db.prepare(`SELECT ${COLUMNS} FROM usage_history WHERE id = ?`).get(id) as UsageJson;
};
