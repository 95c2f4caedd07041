CREATE TABLE `public_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incidents_declared_idx` ON `incidents` (`declared_at`);