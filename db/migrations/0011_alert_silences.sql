CREATE TABLE `alert_silences` (
	`id` text PRIMARY KEY NOT NULL,
	`matchers` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`expired_at` integer,
	`holds_pages` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alert_silences_ends_at_idx` ON `alert_silences` (`ends_at`);