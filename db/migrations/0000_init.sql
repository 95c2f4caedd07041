CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`impact` text DEFAULT '' NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`is_private` integer DEFAULT false NOT NULL,
	`reporter_id` text NOT NULL,
	`channel_id` text,
	`channel_name` text,
	`card_ts` text,
	`announcement_channel_id` text,
	`announcement_ts` text,
	`latest_update_text` text,
	`latest_update_at` integer,
	`latest_update_by` text,
	`declared_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	`closed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_number_unique` ON `incidents` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_channel_id_unique` ON `incidents` (`channel_id`);--> statement-breakpoint
CREATE INDEX `incidents_status_idx` ON `incidents` (`status`);--> statement-breakpoint
CREATE TABLE `processed_requests` (
	`key` text PRIMARY KEY NOT NULL,
	`processed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `role_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` text NOT NULL,
	`role` text NOT NULL,
	`user_id` text NOT NULL,
	`assigned_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `role_assignments_incident_idx` ON `role_assignments` (`incident_id`,`role`);--> statement-breakpoint
CREATE TABLE `timeline_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`slack_ts` text,
	`permalink` text,
	`source_key` text,
	`edited_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `timeline_incident_idx` ON `timeline_entries` (`incident_id`,`occurred_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `timeline_source_key_idx` ON `timeline_entries` (`incident_id`,`source_key`);