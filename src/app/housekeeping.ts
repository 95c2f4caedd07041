import { expireDrills } from './incident/expire-drills.js';
import { pruneNoise } from './alerts/prune-noise.js';
import type { UseCaseDeps } from './use-case-deps.js';
import { jobKeys } from './job-keys.js';

/** Often enough that an expired drill ends within minutes of `drills.expire_after`; each run is a few small deletes. */
export const housekeepingEveryMs = 5 * 60_000;
/**
 * Finished jobs and processed-request ids are kept this long, then deleted, so the tables the
 * scheduler scans stay small. A constant: a week covers every Slack retry (minutes) and leaves time to
 * look into a failed job, and there is nothing an operator gains by tuning it.
 */
export const retentionMs = 7 * 86_400_000;

type HousekeepingDeps = Pick<UseCaseDeps, 'clock' | 'jobs' | 'idempotency' | 'log'>;

/** Keeps one pending housekeeping job; an existing one (from before a restart) is left where it is. */
export const scheduleHousekeeping = (deps: Pick<UseCaseDeps, 'clock' | 'jobs'>): void => {
  if (deps.jobs.pending(jobKeys.housekeeping)) return;
  const now = deps.clock.now();
  deps.jobs.schedule({ kind: 'housekeeping', key: jobKeys.housekeeping, dueAt: now + housekeepingEveryMs }, now);
};

/** Deletes finished jobs and processed-request ids older than the retention period. */
export const pruneHistory = (deps: HousekeepingDeps): { jobs: number; requests: number } => {
  const before = deps.clock.now() - retentionMs;
  const pruned = { jobs: deps.jobs.prune(before), requests: deps.idempotency.prune(before) };
  if (pruned.jobs > 0 || pruned.requests > 0) deps.log.info(pruned, 'pruned history');
  return pruned;
};

export type RunHousekeepingDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'idempotency' | 'incidents' | 'jobs' | 'log' | 'noise'>;

/**
 * The periodic housekeeping job. Best effort: a step that fails is logged and tried again at the next
 * run, and the next run is always scheduled first, so housekeeping never stops for good.
 */
export const runHousekeeping = async (deps: RunHousekeepingDeps): Promise<void> => {
  const now = deps.clock.now();
  deps.jobs.schedule({ kind: 'housekeeping', key: jobKeys.housekeeping, dueAt: now + housekeepingEveryMs }, now);
  await expireDrills(deps);
  try {
    pruneHistory(deps);
    pruneNoise(deps);
  } catch (error) {
    deps.log.error({ err: error }, 'pruning history failed');
  }
};
