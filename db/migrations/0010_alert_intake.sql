CREATE TABLE `alert_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`team` text,
	`service` text,
	`alertname` text,
	`channel_id` text,
	`ts` text,
	`status` text NOT NULL,
	`opened_at` integer NOT NULL,
	`last_change_at` integer NOT NULL,
	`resolved_at` integer,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`incident_id` text
);
--> statement-breakpoint
CREATE INDEX `alert_groups_key_idx` ON `alert_groups` (`kind`,`team`,`service`,`alertname`,`opened_at`);--> statement-breakpoint
CREATE TABLE `alert_holds` (
	`window_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`held_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_holds_pk` ON `alert_holds` (`window_id`,`fingerprint`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`alertname` text NOT NULL,
	`service` text,
	`team` text,
	`alert_class` text NOT NULL,
	`labels` text NOT NULL,
	`annotations` text NOT NULL,
	`generator_url` text,
	`status` text NOT NULL,
	`starts_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`received_count` integer NOT NULL,
	`changes` text NOT NULL,
	`disposition` text NOT NULL,
	`hold_id` text,
	`group_id` text,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_expiry_idx` ON `alerts` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `alerts_group_idx` ON `alerts` (`group_id`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_service_idx` ON `alerts` (`service`);--> statement-breakpoint
CREATE TABLE `api_maintenances` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`services` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`maintenance_id` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer
);
