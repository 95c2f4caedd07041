import { runAsCommand, type CommandOutput } from '../config/command-line.js';
import { ConfigError, loadDatabasePath } from '../config/env.js';
import type { BackupSummary } from '../app/backups/backup-ports.js';
import { BackupError, backupDatabase, checkBackup } from './backup.js';

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

const contents = (summary: BackupSummary): string =>
  `${(summary.bytes / 1_048_576).toFixed(1)} MiB, ${summary.incidents} incident(s) (${summary.activeIncidents} active), ` +
  `${summary.alerts} alert(s), ${summary.pendingJobs} pending job(s)` +
  (summary.migratedAt === undefined ? '' : `, schema of ${day(summary.migratedAt)}`);

const usage = 'usage: npm run db:backup -- <new file> (a copy of DATABASE_PATH), or npm run db:backup -- --check <backup> (a restore drill)';

/**
 * `npm run db:backup <file>`: a consistent copy of the database at DATABASE_PATH, taken while the
 * bot runs; `--check <backup>`: a restore drill on a copy of a backup (see backup.ts). Returns the
 * exit code: 0 done, 1 refused or failed, 2 no file named.
 */
export const runBackup = async (args: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput): Promise<number> => {
  const [first, second] = args;
  const target = first === '--check' ? second : first;
  if (!target) {
    output.err(usage);
    return 2;
  }
  try {
    if (first === '--check') {
      const checked = await checkBackup(target);
      output.out(`restorable: ${target}: ${contents(checked)}${checked.migratedFrom === undefined ? '' : ` (migrated from the schema of ${day(checked.migratedFrom)})`}`);
    } else {
      output.out(`backed up to ${target}: ${contents(await backupDatabase(loadDatabasePath(env), target))}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError) && !(error instanceof ConfigError)) throw error;
    output.err(error.message);
    return 1;
  }
};

runAsCommand(import.meta.url, runBackup);
