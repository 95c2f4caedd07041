ALTER TABLE `alert_groups` ADD `firing_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `silenced_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `resolved_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_groups` ADD `received_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand: the counts of the groups a database already holds, from their alerts.
UPDATE `alert_groups` SET
  `firing_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'firing'),
  `silenced_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'firing' AND `disposition` = 'silenced'),
  `resolved_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'resolved'),
  `received_count` = (SELECT coalesce(sum(`received_count`), 0) FROM `alerts` WHERE `group_id` = `alert_groups`.`id`);
