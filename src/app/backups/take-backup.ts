import { join } from 'node:path';
import { jobKeys } from '../job-keys.js';
import { jobPriority } from '../ports.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** The backups' names sort by when they were taken: incident-bot-20261202T061500Z.sqlite. */
export const backupFileName = (at: number): string => `incident-bot-${new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.sqlite`;
const backupName = /^incident-bot-\d{8}T\d{6}Z\.sqlite$/;
/** A copy a stopped process left half-written (storage/backup.ts writes under this name first). */
const leftPartial = /^\.incident-bot-\d{8}T\d{6}Z\.sqlite\.partial$/;

type ScheduleDeps = Pick<UseCaseDeps, 'clock' | 'jobs'>;

/**
 * With `backups` configured: one backup at once (at start-up, before anything else can go wrong, and
 * when a reload turns them on), then every `backups.every`; without, none pending.
 */
export const scheduleBackups = (deps: ScheduleDeps, config: Pick<ReturnType<UseCaseDeps['config']>, 'backups'>, { now: atOnce }: { now: boolean }): void => {
  const now = deps.clock.now();
  if (!config.backups) {
    deps.jobs.cancel(jobKeys.backup, now);
    return;
  }
  if (!atOnce && deps.jobs.pending(jobKeys.backup)) return;
  deps.jobs.schedule({ kind: 'backup', key: jobKeys.backup, dueAt: now, priority: jobPriority.background }, now);
};

export type TakeBackupDeps = ScheduleDeps & Pick<UseCaseDeps, 'config' | 'backups' | 'log'>;

/**
 * The backup job: the next one is scheduled, and a copy is started into `backups.dir`. The job ends
 * there: a large database takes longer to copy than a job may run, and the copy needs nothing of the
 * job (one left unfinished by a crash is simply the next one's to take). Once the copy is there, the
 * bot's own backups beyond the newest `backups.keep` are deleted, with any copy a stopped process left
 * half-written (other files are left alone). A failure is logged as an error (`backup failed`, with
 * the reason: a copy still being taken is one) and the next one is tried at its time; the backups
 * already there are kept. Returns the copy's end.
 */
export const takeBackup = (deps: TakeBackupDeps): Promise<void> => {
  const backups = deps.config().backups;
  if (!backups) return Promise.resolve();
  const now = deps.clock.now();
  deps.jobs.schedule({ kind: 'backup', key: jobKeys.backup, dueAt: now + backups.everyMs, priority: jobPriority.background }, now);
  return copyAndPrune(deps, backups, join(backups.dir, backupFileName(now)));
};

const copyAndPrune = async (deps: TakeBackupDeps, backups: NonNullable<IncidentConfig['backups']>, file: string): Promise<void> => {
  try {
    const summary = await deps.backups.take(file);
    const names = deps.backups.list(backups.dir);
    const ours = names.filter((name) => backupName.test(name)).sort();
    const old = [...ours.slice(0, Math.max(0, ours.length - backups.keep)), ...names.filter((name) => leftPartial.test(name))];
    for (const name of old) deps.backups.remove(join(backups.dir, name));
    deps.log.info({ module: 'backup', file, ...summary, removed: old.length }, 'backup taken');
  } catch (error) {
    deps.log.error({ module: 'backup', file, err: error }, 'backup failed');
  }
};
