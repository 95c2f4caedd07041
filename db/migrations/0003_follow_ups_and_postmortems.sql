CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`text` text NOT NULL,
	`owner_id` text,
	`due_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`blocking` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_ups_incident_idx` ON `follow_ups` (`incident_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_owner_idx` ON `follow_ups` (`owner_id`,`status`);--> statement-breakpoint
CREATE TABLE `postmortems` (
	`incident_id` text PRIMARY KEY NOT NULL,
	`markdown` text NOT NULL,
	`token` text NOT NULL,
	`generated_at` integer NOT NULL,
	`generated_by` text NOT NULL,
	`file_id` text,
	`canvas_id` text,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade
);
