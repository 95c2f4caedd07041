import { copyFileSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { BackupSummary, DatabaseBackups } from '../app/backups/backup-ports.js';
import { activeStatuses } from '../domain/incident/status.js';
import { openDatabase } from './database.js';

/** A backup the operator can act on: what was wrong, naming the file, never a stack trace. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** What a backup's summary counts, each a query giving one number `n`. */
const summaryQueries = {
  bytes: 'select page_count * page_size as n from pragma_page_count(), pragma_page_size()',
  incidents: 'select count(*) as n from incidents',
  activeIncidents: `select count(*) as n from incidents where status in (${activeStatuses.map((status) => `'${status}'`).join(', ')})`,
  alerts: 'select count(*) as n from alerts',
  pendingJobs: "select count(*) as n from jobs where status = 'pending'",
  migratedAt: 'select max(created_at) as n from __drizzle_migrations',
};

type Counts = Record<keyof typeof summaryQueries, number | null>;

const toSummary = (counts: Counts): BackupSummary => ({
  bytes: counts.bytes ?? 0,
  incidents: counts.incidents ?? 0,
  activeIncidents: counts.activeIncidents ?? 0,
  alerts: counts.alerts ?? 0,
  pendingJobs: counts.pendingJobs ?? 0,
  migratedAt: counts.migratedAt ?? undefined,
});

const schemaOf = (db: Database.Database): number | undefined => (db.prepare(summaryQueries.migratedAt).get() as { n: number | null }).n ?? undefined;

/**
 * The worker's whole program: the copy (when given a source) and its check read the whole database,
 * seconds for a large one, so they run on a thread of their own and the bot's event loop goes on
 * answering Slack.
 */
const program = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  if (workerData.source) {
    const live = new Database(workerData.source, { readonly: true, fileMustExist: true });
    try {
      live.pragma('busy_timeout = 5000');
      live.prepare('vacuum into ?').run(workerData.file);
    } finally {
      live.close();
    }
  }
  const copy = new Database(workerData.file);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const counts = {};
    if (check === 'ok') for (const [name, query] of Object.entries(workerData.queries)) counts[name] = copy.prepare(query).get().n;
    parentPort.postMessage({ check: String(check), counts });
  } finally {
    copy.close();
  }
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
`;

type WorkerAnswer = { check: string; counts: Counts } | { error: string };

/** What a checked copy holds, once `integrity_check` passed; `otherwise` ends the message when it did not. */
const checked = (answer: { check: string; counts: Counts }, otherwise: string): BackupSummary => {
  if (answer.check !== 'ok') throw new BackupError(`the copy failed its integrity check (${answer.check}); ${otherwise}`);
  return toSummary(answer.counts);
};

/** Copies `source` into `file` (none: `file` is there already), then checks and counts `file`, on a worker thread. */
const onWorker = (source: string | undefined, file: string): Promise<WorkerAnswer> =>
  new Promise((resolve) => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(program, { eval: true, workerData: { driver, source, file, queries: summaryQueries } });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      resolve(answer);
    });
    worker.once('error', (error) => resolve({ error: error.message }));
    worker.once('exit', (code) => {
      if (!answered) resolve({ error: `the backup thread stopped (exit code ${code})` });
    });
  });

/**
 * Copies the bot's SQLite database while the bot runs: `VACUUM INTO` reads one snapshot (a WAL read
 * transaction, which the bot's writes do not disturb) into a new, compact, self-contained file.
 * The copy is written beside the target under a temporary name, checked (`integrity_check`) and only
 * then given the target's name, so a file under that name is always a whole, checked backup. An
 * existing target is never overwritten. The work runs on a worker thread.
 */
export const backupDatabase = async (source: string, target: string): Promise<BackupSummary> => {
  if (!existsSync(source)) throw new BackupError(`no database at ${source} (DATABASE_PATH): nothing to back up`);
  if (existsSync(target)) throw new BackupError(`${target} already exists: give the backup a new name`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  try {
    const answer = await onWorker(source, partial);
    if ('error' in answer) throw new BackupError(`could not back up ${source}: ${answer.error}`);
    const summary = checked(answer, `${source} was not changed`);
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
export const checkBackup = async (file: string): Promise<BackupSummary & { migratedFrom: number | undefined }> => {
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
    openDatabase(copy).close();
    const answer = await onWorker(undefined, copy);
    if ('error' in answer) throw new BackupError(`${file} cannot be restored: ${answer.error}`);
    const summary = checked(answer, `${file} cannot be restored`);
    return { ...summary, migratedFrom: summary.migratedAt === schemaBefore ? undefined : schemaBefore };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be restored: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

/** The bot's own backups, of the database at `source` (DATABASE_PATH): one copy at a time. */
export const databaseBackups = (source: string): DatabaseBackups => {
  let taking = false;
  return {
    take: async (file) => {
      if (taking) throw new BackupError('the previous backup is still being taken');
      taking = true;
      try {
        return await backupDatabase(source, file);
      } finally {
        taking = false;
      }
    },
    list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
    remove: (file) => rmSync(file, { force: true }),
  };
};
