DROP INDEX `avatars_most_used_idx`;--> statement-breakpoint
CREATE INDEX `avatars_usage_rank_idx` ON `avatars` (`usage_count`,`last_used_at`);--> statement-breakpoint
CREATE INDEX `generations_finished_idx` ON `generations` (`finished_at`,`status`);