CREATE TABLE `alert_inbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`size` integer NOT NULL,
	`alerts` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `alerts_group_idx`;--> statement-breakpoint
CREATE INDEX `alerts_group_recent_idx` ON `alerts` (`group_id`,`status`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `alerts_group_lead_idx` ON `alerts` (`group_id`,`disposition`,`first_seen_at`);--> statement-breakpoint
CREATE INDEX `alerts_group_first_idx` ON `alerts` (`group_id`,`first_seen_at`);