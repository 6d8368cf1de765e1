CREATE TABLE `credit_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`amount` integer NOT NULL,
	`generation_id` text,
	`avatar_id` text,
	`batch_id` text,
	`note` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credit_ledger_created_idx` ON `credit_ledger` (`created_at`);--> statement-breakpoint
CREATE INDEX `credit_ledger_generation_idx` ON `credit_ledger` (`generation_id`);--> statement-breakpoint
ALTER TABLE `generations` ADD `credit_cost` integer DEFAULT 0 NOT NULL;