CREATE TABLE `avatars` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`persona_name` text,
	`persona_age` integer,
	`persona_personality` text DEFAULT '[]' NOT NULL,
	`persona_background` text,
	`gender` text,
	`age_range` text,
	`ethnicity` text,
	`body_type` text,
	`hair_style` text,
	`hair_color` text,
	`eye_color` text,
	`skin_tone` text,
	`style` text,
	`source_type` text NOT NULL,
	`image_format` text NOT NULL,
	`image_width` integer NOT NULL,
	`image_height` integer NOT NULL,
	`image_bytes` integer NOT NULL,
	`image_sha256` text NOT NULL,
	`generation_prompt` text,
	`negative_prompt` text,
	`seed` integer,
	`model` text,
	`provider` text,
	`generation_params` text,
	`generation_id` text,
	`parent_avatar_id` text,
	`preset_id` text,
	`usage_count` integer DEFAULT 0 NOT NULL,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_avatar_id`) REFERENCES `avatars`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`preset_id`) REFERENCES `presets`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `avatars_project_created_idx` ON `avatars` (`project_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `avatars_most_used_idx` ON `avatars` (`usage_count`);--> statement-breakpoint
CREATE INDEX `avatars_recent_used_idx` ON `avatars` (`last_used_at`);--> statement-breakpoint
CREATE INDEX `avatars_source_idx` ON `avatars` (`source_type`);--> statement-breakpoint
CREATE INDEX `avatars_sha_idx` ON `avatars` (`image_sha256`);--> statement-breakpoint
CREATE INDEX `avatars_parent_idx` ON `avatars` (`parent_avatar_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `avatars_generation_uq` ON `avatars` (`generation_id`);--> statement-breakpoint
CREATE TABLE `change_feed` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`origin` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`kind` text NOT NULL,
	`project_id` text,
	`at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_feed_at_idx` ON `change_feed` (`at`);--> statement-breakpoint
CREATE TABLE `generations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`batch_id` text,
	`status` text NOT NULL,
	`stage` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`error_code` text,
	`error_message` text,
	`recipe` text NOT NULL,
	`prompt` text NOT NULL,
	`negative_prompt` text,
	`seed` integer NOT NULL,
	`model` text NOT NULL,
	`provider` text NOT NULL,
	`params` text NOT NULL,
	`source_avatar_id` text,
	`preset_id` text,
	`claimed_by` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`preset_id`) REFERENCES `presets`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `generations_queue_idx` ON `generations` (`status`,`priority`,`created_at`);--> statement-breakpoint
CREATE INDEX `generations_batch_idx` ON `generations` (`batch_id`);--> statement-breakpoint
CREATE INDEX `generations_project_idx` ON `generations` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `presets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`description` text,
	`persona` text NOT NULL,
	`attributes` text NOT NULL,
	`prompt` text NOT NULL,
	`is_builtin` integer DEFAULT false NOT NULL,
	`usage_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `presets_category_idx` ON `presets` (`category`,`name`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_created_idx` ON `projects` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`operation` text NOT NULL,
	`payload` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_key_uq` ON `sync_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sync_outbox_status_idx` ON `sync_outbox` (`status`,`seq`);--> statement-breakpoint
CREATE INDEX `sync_outbox_entity_idx` ON `sync_outbox` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE TABLE `usage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`avatar_id` text NOT NULL,
	`app_id` text NOT NULL,
	`app_name` text NOT NULL,
	`action` text NOT NULL,
	`reference_id` text,
	`reference_type` text,
	`metadata` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`avatar_id`) REFERENCES `avatars`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `usage_avatar_created_idx` ON `usage_history` (`avatar_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `usage_app_idx` ON `usage_history` (`app_id`,`created_at`);