-- The spending guard's entries for jobs, written by the same statement that changes the job, so
-- no code path and no process can charge without recording or fail without refunding. Each one
-- also notes a 'credits' change in the feed, which every process turns into a credits.changed event.
-- A refund gives back what the job's own entries still hold (charges minus refunds), never more.
CREATE TRIGGER IF NOT EXISTS `credit_charge_job` AFTER INSERT ON `generations` WHEN new.`credit_cost` > 0 BEGIN
	INSERT INTO `credit_ledger` (`id`, `kind`, `action`, `amount`, `generation_id`, `batch_id`, `created_at`)
	VALUES (
		'led_' || lower(hex(randomblob(12))), 'charge',
		CASE WHEN new.`reference_sha256` IS NOT NULL THEN 'fromReference' WHEN new.`preset_id` IS NOT NULL THEN 'fromPreset' ELSE 'generate' END,
		new.`credit_cost`, new.`id`, new.`batch_id`, new.`updated_at`
	);
	INSERT INTO `change_feed` (`origin`, `entity`, `entity_id`, `kind`, `at`) VALUES ('ledger', 'credits', 'ledger', 'changed', new.`updated_at`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `credit_recharge_job` AFTER UPDATE OF `status` ON `generations`
WHEN new.`credit_cost` > 0 AND new.`status` = 'pending' AND old.`status` IN ('failed', 'cancelled') BEGIN
	INSERT INTO `credit_ledger` (`id`, `kind`, `action`, `amount`, `generation_id`, `batch_id`, `note`, `created_at`)
	VALUES (
		'led_' || lower(hex(randomblob(12))), 'charge',
		CASE WHEN new.`reference_sha256` IS NOT NULL THEN 'fromReference' WHEN new.`preset_id` IS NOT NULL THEN 'fromPreset' ELSE 'generate' END,
		new.`credit_cost`, new.`id`, new.`batch_id`, 'retry', new.`updated_at`
	);
	INSERT INTO `change_feed` (`origin`, `entity`, `entity_id`, `kind`, `at`) VALUES ('ledger', 'credits', 'ledger', 'changed', new.`updated_at`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `credit_refund_job` AFTER UPDATE OF `status` ON `generations`
WHEN new.`credit_cost` > 0 AND new.`status` IN ('failed', 'cancelled') AND old.`status` NOT IN ('failed', 'cancelled') BEGIN
	INSERT INTO `credit_ledger` (`id`, `kind`, `action`, `amount`, `generation_id`, `batch_id`, `note`, `created_at`)
	SELECT 'led_' || lower(hex(randomblob(12))), 'refund', held.`action`, held.`net`, new.`id`, new.`batch_id`, new.`status`, new.`updated_at`
	FROM (
		SELECT
			coalesce(sum(CASE `kind` WHEN 'charge' THEN `amount` ELSE -`amount` END), 0) AS `net`,
			(SELECT `action` FROM `credit_ledger` WHERE `generation_id` = new.`id` AND `kind` = 'charge' ORDER BY `created_at` DESC, rowid DESC LIMIT 1) AS `action`
		FROM `credit_ledger` WHERE `generation_id` = new.`id`
	) AS held
	WHERE held.`net` > 0;
	INSERT INTO `change_feed` (`origin`, `entity`, `entity_id`, `kind`, `at`) VALUES ('ledger', 'credits', 'ledger', 'changed', new.`updated_at`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `credit_refund_deleted_job` AFTER DELETE ON `generations`
WHEN old.`credit_cost` > 0 AND old.`status` IN ('pending', 'processing') BEGIN
	INSERT INTO `credit_ledger` (`id`, `kind`, `action`, `amount`, `generation_id`, `batch_id`, `note`, `created_at`)
	SELECT 'led_' || lower(hex(randomblob(12))), 'refund', held.`action`, held.`net`, old.`id`, old.`batch_id`, 'deleted', CAST(unixepoch('subsec') * 1000 AS INTEGER)
	FROM (
		SELECT
			coalesce(sum(CASE `kind` WHEN 'charge' THEN `amount` ELSE -`amount` END), 0) AS `net`,
			(SELECT `action` FROM `credit_ledger` WHERE `generation_id` = old.`id` AND `kind` = 'charge' ORDER BY `created_at` DESC, rowid DESC LIMIT 1) AS `action`
		FROM `credit_ledger` WHERE `generation_id` = old.`id`
	) AS held
	WHERE held.`net` > 0;
	INSERT INTO `change_feed` (`origin`, `entity`, `entity_id`, `kind`, `at`) VALUES ('ledger', 'credits', 'ledger', 'changed', CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
