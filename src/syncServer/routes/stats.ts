import { authenticate } from '../auth/authenticate';
import type { Route } from '../http/context';
import { jsonReply } from '../http/reply';
import { creditBalance } from '../store/credits';
import { isoAt } from '../store/ids';
import { APP_PREFIX, COSTS } from './common';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** GET /stats: the cloud's getUserStats plus creditBalance, hasEnterpriseUnlimited and the cost table. */
const stats: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/stats`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const { db } = services;
    const totals = db
      .prepare(
        `SELECT COUNT(*) AS totalAvatars, COALESCE(SUM(usage_count), 0) AS totalUsage, COALESCE(AVG(usage_count), 0) AS averageUsage,
           COALESCE(SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END), 0) AS recentUploads
         FROM avatars WHERE user_id = ?`,
      )
      .get(isoAt(services.clock() - WEEK_MS), userId) as { totalAvatars: number; totalUsage: number; averageUsage: number; recentUploads: number };
    const { totalProjects } = db.prepare('SELECT COUNT(*) AS totalProjects FROM projects WHERE user_id = ?').get(userId) as {
      totalProjects: number;
    };
    const topUsedAvatars = db
      .prepare('SELECT id, name, usage_count AS usageCount FROM avatars WHERE user_id = ? ORDER BY usage_count DESC, seq DESC LIMIT 5')
      .all(userId);
    return jsonReply(200, {
      stats: {
        totalAvatars: totals.totalAvatars,
        totalProjects,
        recentUploads: totals.recentUploads,
        totalUsage: totals.totalUsage,
        averageUsage: Math.round(totals.averageUsage),
        topUsedAvatars,
      },
      creditBalance: creditBalance(db, userId),
      hasEnterpriseUnlimited: false,
      costs: COSTS,
    });
  },
};

export const statsRoutes: readonly Route[] = [stats];
