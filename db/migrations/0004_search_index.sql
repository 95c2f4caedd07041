-- Full-text search over incidents, their timelines and postmortems (SQLite FTS5, external content).
-- Written by hand: drizzle-kit cannot express virtual tables or triggers (created with `drizzle-kit generate --custom`).
CREATE VIRTUAL TABLE `incident_fts` USING fts5(title, summary, impact, content='incidents', content_rowid='rowid', tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `incident_fts_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `incident_fts`(rowid, title, summary, impact) VALUES (new.rowid, new.title, new.summary, new.impact);
END;
--> statement-breakpoint
CREATE TRIGGER `incident_fts_delete` AFTER DELETE ON `incidents` BEGIN
  INSERT INTO `incident_fts`(`incident_fts`, rowid, title, summary, impact) VALUES ('delete', old.rowid, old.title, old.summary, old.impact);
END;
--> statement-breakpoint
CREATE TRIGGER `incident_fts_update` AFTER UPDATE OF title, summary, impact ON `incidents` BEGIN
  INSERT INTO `incident_fts`(`incident_fts`, rowid, title, summary, impact) VALUES ('delete', old.rowid, old.title, old.summary, old.impact);
  INSERT INTO `incident_fts`(rowid, title, summary, impact) VALUES (new.rowid, new.title, new.summary, new.impact);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `timeline_fts` USING fts5(text, content='timeline_entries', content_rowid='rowid', tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `timeline_fts_insert` AFTER INSERT ON `timeline_entries` BEGIN
  INSERT INTO `timeline_fts`(rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_fts_delete` AFTER DELETE ON `timeline_entries` BEGIN
  INSERT INTO `timeline_fts`(`timeline_fts`, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `timeline_fts_update` AFTER UPDATE OF text ON `timeline_entries` BEGIN
  INSERT INTO `timeline_fts`(`timeline_fts`, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO `timeline_fts`(rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `postmortem_fts` USING fts5(markdown, content='postmortems', content_rowid='rowid', tokenize='porter unicode61');
--> statement-breakpoint
CREATE TRIGGER `postmortem_fts_insert` AFTER INSERT ON `postmortems` BEGIN
  INSERT INTO `postmortem_fts`(rowid, markdown) VALUES (new.rowid, new.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER `postmortem_fts_delete` AFTER DELETE ON `postmortems` BEGIN
  INSERT INTO `postmortem_fts`(`postmortem_fts`, rowid, markdown) VALUES ('delete', old.rowid, old.markdown);
END;
--> statement-breakpoint
CREATE TRIGGER `postmortem_fts_update` AFTER UPDATE OF markdown ON `postmortems` BEGIN
  INSERT INTO `postmortem_fts`(`postmortem_fts`, rowid, markdown) VALUES ('delete', old.rowid, old.markdown);
  INSERT INTO `postmortem_fts`(rowid, markdown) VALUES (new.rowid, new.markdown);
END;
--> statement-breakpoint
INSERT INTO `incident_fts`(`incident_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `timeline_fts`(`timeline_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `postmortem_fts`(`postmortem_fts`) VALUES ('rebuild');
