import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/**
 * The migrations as they were before `tag` (e.g. `0018_alert_group_counts`), in a folder of their
 * own: a database migrated with it holds data the way an older version left it. `remove` deletes it.
 */
export const migrationsBefore = (tag: string): { folder: string; remove(): void } => {
  const folder = mkdtempSync(join(tmpdir(), 'incident-bot-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  rmSync(join(folder, `${tag}.sql`));
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at <= 0) throw new Error(`no migration ${tag} after the first`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
};
