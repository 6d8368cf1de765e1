CREATE TABLE `sync_map` (
	`entity_type` text NOT NULL,
	`local_id` text NOT NULL,
	`cloud_id` text NOT NULL,
	`remote_updated_at` text,
	`remote_fields` text,
	PRIMARY KEY(`entity_type`, `local_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_map_cloud_idx` ON `sync_map` (`cloud_id`);--> statement-breakpoint
CREATE TABLE `sync_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_projects` (
	`project_id` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`initial_total` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_suppress` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `parent_id` text;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `initial` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `first_sent_at` integer;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `in_flight` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `sent_sha256` text;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `batch_key` text;