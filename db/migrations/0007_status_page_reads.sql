CREATE TABLE `public_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`epoch` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `incidents` ADD `public_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `incidents_public_version_idx` ON `incidents` (`public_version`);--> statement-breakpoint
CREATE INDEX `incidents_declared_idx` ON `incidents` (`declared_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_open_idx` ON `follow_ups` (`status`,`due_at`);