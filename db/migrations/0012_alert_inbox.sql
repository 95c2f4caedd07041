CREATE TABLE `alert_inbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`size` integer NOT NULL,
	`alerts` text NOT NULL
);
