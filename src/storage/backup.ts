import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { activeStatuses } from '../domain/incident/status.js';

export interface BackupSummary {
  bytes: number;
  incidents: number;
  /** Investigating, identified or monitoring. */
  activeIncidents: number;
  alerts: number;
  pendingJobs: number;
  /** The newest migration the copy has: a restore onto a newer bot migrates it forward at start. */
  migratedAt: number | undefined;
}

/** A backup the operator can act on: what was wrong, naming the file, never a stack trace. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const count = (db: Database.Database, query: string): number => (db.prepare(query).get() as { n: number }).n;

/**
 * Copies the bot's SQLite database while the bot runs: `VACUUM INTO` reads one snapshot (a WAL read
 * transaction, which the bot's writes do not disturb) into a new, compact, self-contained file.
 * The copy is written beside the target under a temporary name, checked (`integrity_check`) and only
 * then given the target's name, so a file under that name is always a whole, checked backup. An
 * existing target is never overwritten.
 */
export const backupDatabase = (source: string, target: string): BackupSummary => {
  if (!existsSync(source)) throw new BackupError(`no database at ${source} (DATABASE_PATH): nothing to back up`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: give the backup a new name`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  try {
    const live = new Database(source, { readonly: true, fileMustExist: true });
    try {
      live.pragma('busy_timeout = 5000');
      live.prepare('vacuum into ?').run(partial);
    } finally {
      live.close();
    }
    const copy = new Database(partial);
    let summary: BackupSummary;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`the copy failed its integrity check (${String(check)}); ${source} was not changed`);
      summary = {
        bytes: count(copy, 'select page_count * page_size as n from pragma_page_count(), pragma_page_size()'),
        incidents: count(copy, 'select count(*) as n from incidents'),
        activeIncidents: count(copy, `select count(*) as n from incidents where status in (${activeStatuses.map((status) => `'${status}'`).join(', ')})`),
        alerts: count(copy, 'select count(*) as n from alerts'),
        pendingJobs: count(copy, "select count(*) as n from jobs where status = 'pending'"),
        migratedAt: (copy.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? undefined,
      };
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`could not back up ${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
};
