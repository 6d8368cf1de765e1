-- Per-app usage totals kept exact by triggers (stats stay fast at a million uses), and
-- usage records made immutable. Statements from src/main/core/usage/statsSchema.ts.
CREATE TABLE IF NOT EXISTS `usage_app_totals` (
	`app_id` text PRIMARY KEY NOT NULL,
	`app_name` text NOT NULL,
	`count` integer NOT NULL,
	`last_used` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `usage_app_totals` (`app_id`, `app_name`, `count`, `last_used`)
	SELECT t.`app_id`,
		(SELECT h.`app_name` FROM `usage_history` h WHERE h.`app_id` = t.`app_id` ORDER BY h.`created_at` DESC, h.rowid DESC LIMIT 1),
		t.`count`, t.`last_used`
	FROM (SELECT `app_id`, count(*) AS `count`, max(`created_at`) AS `last_used` FROM `usage_history` GROUP BY `app_id`) t
	WHERE true
	ON CONFLICT (`app_id`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `usage_app_totals_insert` AFTER INSERT ON `usage_history` BEGIN
	INSERT INTO `usage_app_totals` (`app_id`, `app_name`, `count`, `last_used`) VALUES (new.`app_id`, new.`app_name`, 1, new.`created_at`)
	ON CONFLICT (`app_id`) DO UPDATE SET
		`count` = `count` + 1,
		`app_name` = CASE WHEN excluded.`last_used` >= `last_used` THEN excluded.`app_name` ELSE `app_name` END,
		`last_used` = max(`last_used`, excluded.`last_used`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `usage_app_totals_delete` AFTER DELETE ON `usage_history` BEGIN
	DELETE FROM `usage_app_totals` WHERE `app_id` = old.`app_id` AND `count` <= 1;
	UPDATE `usage_app_totals` SET `count` = `count` - 1 WHERE `app_id` = old.`app_id`;
	UPDATE `usage_app_totals` SET (`app_name`, `last_used`) = (
		SELECT `app_name`, `created_at` FROM `usage_history` WHERE `app_id` = old.`app_id` ORDER BY `created_at` DESC, rowid DESC LIMIT 1
	) WHERE `app_id` = old.`app_id` AND old.`created_at` >= `last_used`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `usage_history_immutable` BEFORE UPDATE ON `usage_history` BEGIN
	SELECT RAISE(ABORT, 'usage history records are immutable');
END;
