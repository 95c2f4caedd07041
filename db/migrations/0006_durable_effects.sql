ALTER TABLE `incidents` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `incidents` ADD `setup_error` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `priority` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `lane` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `actor_id` text;--> statement-breakpoint
CREATE INDEX `jobs_claim_idx` ON `jobs` (`status`,`priority`,`due_at`);--> statement-breakpoint
CREATE INDEX `jobs_lane_idx` ON `jobs` (`lane`,`status`);