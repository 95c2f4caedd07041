-- Written by hand (`drizzle-kit generate --custom`): the counts that 0018 added, for the groups a
-- database already holds, from their alerts. From here on the repository's save keeps them.
UPDATE `alert_groups` SET
  `firing_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'firing'),
  `silenced_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'firing' AND `disposition` = 'silenced'),
  `resolved_count` = (SELECT count(*) FROM `alerts` WHERE `group_id` = `alert_groups`.`id` AND `status` = 'resolved'),
  `received_count` = (SELECT coalesce(sum(`received_count`), 0) FROM `alerts` WHERE `group_id` = `alert_groups`.`id`);
