ALTER TABLE `generations` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `generations` ADD `lease_expires_at` integer;