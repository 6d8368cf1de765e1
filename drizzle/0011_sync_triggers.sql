-- The sync outbox, written by the same statement as the change it describes (like the credit
-- ledger's triggers), so every code path and every process on the library is covered. Only projects
-- opted in to sync (sync_projects.enabled) write rows; a row in sync_suppress silences them while the
-- relay applies the cloud's own state (take_theirs). Rows carry no copy of the record: the relay sends
-- the record as it is when it goes out, so several edits cost one request.
CREATE TRIGGER IF NOT EXISTS `sync_project_update` AFTER UPDATE OF `name`, `description` ON `projects` WHEN (old.`name` IS NOT new.`name` OR old.`description` IS NOT new.`description`) AND EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = new.`id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('project', new.`id`, 'update', '{}', 'ac-' || lower(hex(randomblob(16))), NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_project_delete` AFTER DELETE ON `projects` WHEN EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = old.`id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('project', old.`id`, 'delete', '{}', 'ac-' || lower(hex(randomblob(16))), NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_insert` AFTER INSERT ON `avatars` WHEN EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = new.`project_id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('avatar', new.`id`, 'create', '{}', 'ac-' || lower(hex(randomblob(16))), new.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_update` AFTER UPDATE ON `avatars` WHEN old.`project_id` IS new.`project_id` AND (old.`name` IS NOT new.`name` OR old.`persona_name` IS NOT new.`persona_name` OR old.`persona_age` IS NOT new.`persona_age` OR old.`persona_personality` IS NOT new.`persona_personality` OR old.`persona_background` IS NOT new.`persona_background` OR old.`gender` IS NOT new.`gender` OR old.`age_range` IS NOT new.`age_range` OR old.`ethnicity` IS NOT new.`ethnicity` OR old.`body_type` IS NOT new.`body_type` OR old.`hair_style` IS NOT new.`hair_style` OR old.`hair_color` IS NOT new.`hair_color` OR old.`eye_color` IS NOT new.`eye_color` OR old.`skin_tone` IS NOT new.`skin_tone` OR old.`style` IS NOT new.`style`) AND EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = new.`project_id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('avatar', new.`id`, 'update', '{}', 'ac-' || lower(hex(randomblob(16))), new.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_move_out` AFTER UPDATE OF `project_id` ON `avatars` WHEN old.`project_id` IS NOT new.`project_id` AND EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = old.`project_id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('avatar', old.`id`, 'delete', '{}', 'ac-' || lower(hex(randomblob(16))), old.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_move_in` AFTER UPDATE OF `project_id` ON `avatars` WHEN old.`project_id` IS NOT new.`project_id` AND EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = new.`project_id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('avatar', new.`id`, 'create', '{}', 'ac-' || lower(hex(randomblob(16))), new.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_delete` AFTER DELETE ON `avatars` WHEN EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = old.`project_id` AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('avatar', old.`id`, 'delete', '{}', 'ac-' || lower(hex(randomblob(16))), old.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_usage_insert` AFTER INSERT ON `usage_history` WHEN EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = (SELECT `project_id` FROM `avatars` WHERE `id` = new.`avatar_id`) AND `enabled` = 1) AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	VALUES ('usage', new.`id`, 'usage', '{}', 'ac-' || lower(hex(randomblob(16))), new.`avatar_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
