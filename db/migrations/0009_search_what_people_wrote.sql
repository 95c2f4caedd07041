-- Search indexes what people wrote, never the bot's own wording: the postmortem draft's template
-- ("Where we got lucky", "dashboards", "runbooks", "traffic" …) matched every incident that had a draft.
-- Indexed: incident title/summary/impact, the words of updates, human messages, notes and curation
-- comments, and follow-up actions (the parts of a postmortem people fill in). The draft itself is
-- assembled from these, so nothing people wrote is lost by dropping its index.
-- FTS5 tables keep their own copy of the text (no external content), so a row that is not indexed
-- (a bot event) needs no matching 'delete' and the triggers can simply skip it.
-- Custom migration (`drizzle-kit generate --custom`): drizzle-kit cannot express virtual tables or triggers.
DROP TRIGGER IF EXISTS `postmortem_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `postmortem_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `postmortem_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `postmortem_fts`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `timeline_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `timeline_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `timeline_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `timeline_fts`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `incident_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `incident_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `incident_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `incident_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `incident_fts` USING fts5(title, summary, impact, tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `incident_fts_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `incident_fts`(rowid, title, summary, impact) VALUES (new.rowid, new.title, new.summary, new.impact);
END;
--> statement-breakpoint
CREATE TRIGGER `incident_fts_delete` AFTER DELETE ON `incidents` BEGIN
  DELETE FROM `incident_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `incident_fts_update` AFTER UPDATE OF title, summary, impact ON `incidents` BEGIN
  DELETE FROM `incident_fts` WHERE rowid = old.rowid;
  INSERT INTO `incident_fts`(rowid, title, summary, impact) VALUES (new.rowid, new.title, new.summary, new.impact);
END;
--> statement-breakpoint
INSERT INTO `incident_fts`(rowid, title, summary, impact) SELECT rowid, title, summary, impact FROM `incidents`;
--> statement-breakpoint
-- Human messages, notes and the comment of a message added with the shortcut; a deleted message's text is blanked.
CREATE VIRTUAL TABLE `message_fts` USING fts5(body, tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `message_fts_insert` AFTER INSERT ON `timeline_entries` WHEN new.kind IN ('message', 'note', 'curated') BEGIN
  INSERT INTO `message_fts`(rowid, body)
    VALUES (new.rowid, CASE new.kind WHEN 'curated' THEN coalesce(json_extract(new.data, '$.comment'), '') ELSE new.text END);
END;
--> statement-breakpoint
CREATE TRIGGER `message_fts_delete` AFTER DELETE ON `timeline_entries` BEGIN
  DELETE FROM `message_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `message_fts_update` AFTER UPDATE OF text ON `timeline_entries` WHEN new.kind IN ('message', 'note') BEGIN
  DELETE FROM `message_fts` WHERE rowid = old.rowid;
  INSERT INTO `message_fts`(rowid, body) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
INSERT INTO `message_fts`(rowid, body)
  SELECT rowid, CASE kind WHEN 'curated' THEN coalesce(json_extract(data, '$.comment'), '') ELSE text END
  FROM `timeline_entries` WHERE kind IN ('message', 'note', 'curated');
--> statement-breakpoint
CREATE VIRTUAL TABLE `update_fts` USING fts5(what_changed, impact, next_steps, customer_message, tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `update_fts_insert` AFTER INSERT ON `incident_updates` BEGIN
  INSERT INTO `update_fts`(rowid, what_changed, impact, next_steps, customer_message)
    VALUES (new.rowid, new.what_changed, new.impact, new.next_steps, coalesce(new.customer_message, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `update_fts_delete` AFTER DELETE ON `incident_updates` BEGIN
  DELETE FROM `update_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `update_fts`(rowid, what_changed, impact, next_steps, customer_message)
  SELECT rowid, what_changed, impact, next_steps, coalesce(customer_message, '') FROM `incident_updates`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `follow_up_fts` USING fts5(body, tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `follow_up_fts_insert` AFTER INSERT ON `follow_ups` BEGIN
  INSERT INTO `follow_up_fts`(rowid, body) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `follow_up_fts_delete` AFTER DELETE ON `follow_ups` BEGIN
  DELETE FROM `follow_up_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `follow_up_fts_update` AFTER UPDATE OF text ON `follow_ups` BEGIN
  DELETE FROM `follow_up_fts` WHERE rowid = old.rowid;
  INSERT INTO `follow_up_fts`(rowid, body) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
INSERT INTO `follow_up_fts`(rowid, body) SELECT rowid, text FROM `follow_ups`;
