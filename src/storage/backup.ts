import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { activeStatuses } from '../domain/incident/status.js';
import { clientOf, openDatabase } from './database.js';

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

/** When the newest migration a database has was written (drizzle's own record of them). */
const schemaOf = (db: Database.Database): number | undefined => (db.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? undefined;

/** What a database holds, once `integrity_check` passes; `otherwise` ends the message when it does not. */
const checkedSummary = (db: Database.Database, otherwise: string): BackupSummary => {
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new BackupError(`the copy failed its integrity check (${String(check)}); ${otherwise}`);
  return {
    bytes: count(db, 'select page_count * page_size as n from pragma_page_count(), pragma_page_size()'),
    incidents: count(db, 'select count(*) as n from incidents'),
    activeIncidents: count(db, `select count(*) as n from incidents where status in (${activeStatuses.map((status) => `'${status}'`).join(', ')})`),
    alerts: count(db, 'select count(*) as n from alerts'),
    pendingJobs: count(db, "select count(*) as n from jobs where status = 'pending'"),
    migratedAt: schemaOf(db),
  };
};

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
      summary = checkedSummary(copy, `${source} was not changed`);
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

/**
 * A restore drill on a backup, without touching it: a copy in a temporary folder is opened as this
 * version of the bot would open it at a restore (its migrations applied), checked and summed up,
 * then deleted. `migratedFrom`: the schema the backup had, when this version had to migrate it.
 */
export const checkBackup = (file: string): BackupSummary & { migratedFrom: number | undefined } => {
  if (!existsSync(file)) throw new BackupError(`no backup at ${file}`);
  const scratch = mkdtempSync(join(tmpdir(), 'incident-bot-restore-check-'));
  try {
    const copy = join(scratch, 'restored.sqlite');
    copyFileSync(file, copy);
    const before = new Database(copy, { readonly: true });
    let schemaBefore: number | undefined;
    try {
      schemaBefore = schemaOf(before);
    } catch {
      throw new BackupError(`${file} is not a database of this bot`);
    } finally {
      before.close();
    }
    const restored = openDatabase(copy);
    try {
      const summary = checkedSummary(clientOf(restored.db), `${file} cannot be restored`);
      return { ...summary, migratedFrom: summary.migratedAt === schemaBefore ? undefined : schemaBefore };
    } finally {
      restored.close();
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be restored: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};
