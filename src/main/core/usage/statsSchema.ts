/**
 * Schema the stats view needs to stay within 50 ms on 100,000 avatars and 1,000,000 usage rows.
 * The migrations apply it (0005_stats_indexes from schema.ts, 0006_usage_app_totals from these
 * statements, as drizzle-kit cannot express triggers); tests re-apply it to an older database to
 * prove StatsService's slower path, which it keeps if the totals table is ever missing, agrees.
 */

/** Most used: served in index order (usage_count desc, last_used_at desc) with no sort, ties or not. */
export const AVATARS_USAGE_RANK_INDEX = 'CREATE INDEX IF NOT EXISTS `avatars_usage_rank_idx` ON `avatars` (`usage_count`,`last_used_at`);';

/** Generations per day: a covering range scan over the last 30 days instead of a scan of every job. */
export const GENERATIONS_FINISHED_INDEX = 'CREATE INDEX IF NOT EXISTS `generations_finished_idx` ON `generations` (`finished_at`,`status`);';

/**
 * Per-app usage: a running total per app, kept exact by triggers (which also fire for the rows
 * that cascade away with an avatar or project), because counting 1,000,000 index entries alone
 * takes longer than the whole budget. Usage records are immutable, which the last trigger enforces.
 */
export const USAGE_APP_TOTALS = [
  `CREATE TABLE IF NOT EXISTS \`usage_app_totals\` (
	\`app_id\` text PRIMARY KEY NOT NULL,
	\`app_name\` text NOT NULL,
	\`count\` integer NOT NULL,
	\`last_used\` integer NOT NULL
);`,
  // Backfill: counts from the (app_id, created_at) index, then each app's latest name by a seek,
  // with the triggers' tie rule (the later record wins). ~0.3 s for 1,000,000 rows, not a table scan.
  `INSERT INTO \`usage_app_totals\` (\`app_id\`, \`app_name\`, \`count\`, \`last_used\`)
	SELECT t.\`app_id\`,
		(SELECT h.\`app_name\` FROM \`usage_history\` h WHERE h.\`app_id\` = t.\`app_id\` ORDER BY h.\`created_at\` DESC, h.rowid DESC LIMIT 1),
		t.\`count\`, t.\`last_used\`
	FROM (SELECT \`app_id\`, count(*) AS \`count\`, max(\`created_at\`) AS \`last_used\` FROM \`usage_history\` GROUP BY \`app_id\`) t
	WHERE true
	ON CONFLICT (\`app_id\`) DO NOTHING;`,
  `CREATE TRIGGER IF NOT EXISTS \`usage_app_totals_insert\` AFTER INSERT ON \`usage_history\` BEGIN
	INSERT INTO \`usage_app_totals\` (\`app_id\`, \`app_name\`, \`count\`, \`last_used\`) VALUES (new.\`app_id\`, new.\`app_name\`, 1, new.\`created_at\`)
	ON CONFLICT (\`app_id\`) DO UPDATE SET
		\`count\` = \`count\` + 1,
		\`app_name\` = CASE WHEN excluded.\`last_used\` >= \`last_used\` THEN excluded.\`app_name\` ELSE \`app_name\` END,
		\`last_used\` = max(\`last_used\`, excluded.\`last_used\`);
END;`,
  `CREATE TRIGGER IF NOT EXISTS \`usage_app_totals_delete\` AFTER DELETE ON \`usage_history\` BEGIN
	DELETE FROM \`usage_app_totals\` WHERE \`app_id\` = old.\`app_id\` AND \`count\` <= 1;
	UPDATE \`usage_app_totals\` SET \`count\` = \`count\` - 1 WHERE \`app_id\` = old.\`app_id\`;
	UPDATE \`usage_app_totals\` SET (\`app_name\`, \`last_used\`) = (
		SELECT \`app_name\`, \`created_at\` FROM \`usage_history\` WHERE \`app_id\` = old.\`app_id\` ORDER BY \`created_at\` DESC, rowid DESC LIMIT 1
	) WHERE \`app_id\` = old.\`app_id\` AND old.\`created_at\` >= \`last_used\`;
END;`,
  `CREATE TRIGGER IF NOT EXISTS \`usage_history_immutable\` BEFORE UPDATE ON \`usage_history\` BEGIN
	SELECT RAISE(ABORT, 'usage history records are immutable');
END;`,
];

/** Everything above, in order, as one script (what the migration should contain). */
export const STATS_SCHEMA_SQL = [AVATARS_USAGE_RANK_INDEX, GENERATIONS_FINISHED_INDEX, ...USAGE_APP_TOTALS].join('\n');
