-- Counts the changes to what the public status page is made of, and stamps each changed incident
-- with the count, so the page knows in one read that it is stale and re-reads only what changed.
-- Written by hand: drizzle-kit cannot express triggers (created with `drizzle-kit generate --custom`).
-- Only the incident columns the page reads count: a topic, a card or a timeline entry is not public.
INSERT INTO `public_changes` (`id`, `version`, `epoch`) VALUES (1, 0, 0);
--> statement-breakpoint
CREATE TRIGGER `public_changes_incident_update` AFTER UPDATE ON `incidents`
WHEN OLD.`severity` IS NOT NEW.`severity` OR OLD.`services` IS NOT NEW.`services` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`is_private` IS NOT NEW.`is_private` OR OLD.`is_drill` IS NOT NEW.`is_drill` OR OLD.`declared_at` IS NOT NEW.`declared_at`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
  UPDATE `incidents` SET `public_version` = (SELECT `version` FROM `public_changes` WHERE `id` = 1) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_incident_delete` AFTER DELETE ON `incidents`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1, `epoch` = `epoch` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_update_insert` AFTER INSERT ON `incident_updates`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
  UPDATE `incidents` SET `public_version` = (SELECT `version` FROM `public_changes` WHERE `id` = 1) WHERE `id` = NEW.`incident_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_update_update` AFTER UPDATE ON `incident_updates`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
  UPDATE `incidents` SET `public_version` = (SELECT `version` FROM `public_changes` WHERE `id` = 1) WHERE `id` = NEW.`incident_id`;
  UPDATE `incidents` SET `public_version` = (SELECT `version` FROM `public_changes` WHERE `id` = 1) WHERE `id` = OLD.`incident_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_update_delete` AFTER DELETE ON `incident_updates`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
  UPDATE `incidents` SET `public_version` = (SELECT `version` FROM `public_changes` WHERE `id` = 1) WHERE `id` = OLD.`incident_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_maintenance_insert` AFTER INSERT ON `maintenances`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_maintenance_update` AFTER UPDATE ON `maintenances`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_changes_maintenance_delete` AFTER DELETE ON `maintenances`
BEGIN
  UPDATE `public_changes` SET `version` = `version` + 1 WHERE `id` = 1;
END;
