CREATE TABLE `alert_counts` (
	`day` integer NOT NULL,
	`source_id` text NOT NULL,
	`service` text NOT NULL,
	`alertname` text NOT NULL,
	`team` text,
	`received` integer DEFAULT 0 NOT NULL,
	`folded` integer DEFAULT 0 NOT NULL,
	`held_maintenance` integer DEFAULT 0 NOT NULL,
	`held_dependency` integer DEFAULT 0 NOT NULL,
	`flapping` integer DEFAULT 0 NOT NULL,
	`silenced` integer DEFAULT 0 NOT NULL,
	`notified` integer DEFAULT 0 NOT NULL,
	`paged` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `source_id`, `service`, `alertname`)
);
--> statement-breakpoint
CREATE INDEX `alert_counts_team_idx` ON `alert_counts` (`team`,`day`);--> statement-breakpoint
CREATE TABLE `alert_pages` (
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`pass` integer NOT NULL,
	`level_index` integer NOT NULL,
	`team` text,
	`service` text,
	`paged_at` integer,
	`outcome` text,
	`decided_at` integer,
	PRIMARY KEY(`group_id`, `user_id`, `pass`, `level_index`)
);
--> statement-breakpoint
CREATE INDEX `alert_pages_paged_at_idx` ON `alert_pages` (`paged_at`);--> statement-breakpoint
CREATE INDEX `alert_pages_decided_at_idx` ON `alert_pages` (`decided_at`);