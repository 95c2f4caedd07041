CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`policy_id` text,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`level_index` integer DEFAULT 0 NOT NULL,
	`pass` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`requested_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `escalations_incident_idx` ON `escalations` (`incident_id`,`status`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`key` text,
	`incident_id` text,
	`due_at` integer NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`run_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `jobs_key_idx` ON `jobs` (`key`,`status`);--> statement-breakpoint
CREATE INDEX `jobs_incident_idx` ON `jobs` (`incident_id`);--> statement-breakpoint
CREATE TABLE `page_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`escalation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`level_index` integer NOT NULL,
	`pass` integer NOT NULL,
	`channel_id` text NOT NULL,
	`ts` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_notifications_escalation_idx` ON `page_notifications` (`escalation_id`);