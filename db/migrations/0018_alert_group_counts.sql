ALTER TABLE `alert_groups` ADD `firing_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `silenced_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `resolved_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `received_count` integer DEFAULT 0 NOT NULL;