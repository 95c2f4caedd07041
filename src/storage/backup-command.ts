import { runAsCommand, type CommandOutput } from '../config/command-line.js';
import { ConfigError, loadDatabasePath } from '../config/env.js';
import { BackupError, backupDatabase, type BackupSummary } from './backup.js';


const describe = (target: string, summary: BackupSummary): string =>
  `backed up to ${target}: ${(summary.bytes / 1_048_576).toFixed(1)} MiB, ${summary.incidents} incident(s) (${summary.activeIncidents} active), ` +
  `${summary.alerts} alert(s), ${summary.pendingJobs} pending job(s)` +
  (summary.migratedAt === undefined ? '' : `, schema of ${new Date(summary.migratedAt).toISOString().slice(0, 10)}`);

/**
 * `npm run db:backup <file>`: a consistent copy of the database at DATABASE_PATH, taken while the
 * bot runs (see backup.ts). Returns the exit code: 0 done, 1 refused or failed, 2 no file named.
 */
export const runBackup = (args: readonly string[], env: NodeJS.ProcessEnv, output: CommandOutput): number => {
  const target = args[0];
  if (!target) {
    output.err('usage: npm run db:backup -- <new file>, e.g. npm run db:backup -- /var/backups/incident-bot-$(date +%F).sqlite');
    return 2;
  }
  try {
    output.out(describe(target, backupDatabase(loadDatabasePath(env), target)));
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError) && !(error instanceof ConfigError)) throw error;
    output.err(error.message);
    return 1;
  }
};

runAsCommand(import.meta.url, runBackup);
