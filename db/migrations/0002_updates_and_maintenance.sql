CREATE TABLE `incident_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`status` text NOT NULL,
	`severity` text NOT NULL,
	`what_changed` text DEFAULT '' NOT NULL,
	`impact` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`next_update_at` integer,
	`customer_message` text,
	`posted_by` text NOT NULL,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incident_updates_incident_idx` ON `incident_updates` (`incident_id`,`posted_at`);--> statement-breakpoint
CREATE INDEX `incident_updates_posted_idx` ON `incident_updates` (`posted_at`);--> statement-breakpoint
CREATE TABLE `maintenances` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`message` text NOT NULL,
	`services` text DEFAULT '[]' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer
);
--> statement-breakpoint
CREATE INDEX `maintenances_window_idx` ON `maintenances` (`ends_at`);