-- A move is a delete in the old project followed by a create in the new one (the cloud cannot move
-- an avatar). 0011 wrote them from two triggers whose firing order SQLite does not promise; one
-- trigger writes both, delete first, so the create never finds the old project's mapping.
DROP TRIGGER IF EXISTS `sync_avatar_move_out`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `sync_avatar_move_in`;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `sync_avatar_move` AFTER UPDATE OF `project_id` ON `avatars`
WHEN old.`project_id` IS NOT new.`project_id` AND NOT EXISTS (SELECT 1 FROM `sync_suppress`) BEGIN
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	SELECT 'avatar', old.`id`, 'delete', '{}', 'ac-' || lower(hex(randomblob(16))), old.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = old.`project_id` AND `enabled` = 1);
	INSERT INTO `sync_outbox` (`entity_type`, `entity_id`, `operation`, `payload`, `idempotency_key`, `parent_id`, `created_at`)
	SELECT 'avatar', new.`id`, 'create', '{}', 'ac-' || lower(hex(randomblob(16))), new.`project_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE EXISTS (SELECT 1 FROM `sync_projects` WHERE `project_id` = new.`project_id` AND `enabled` = 1);
END;
