import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * The noise accounting keeps 90 days: a quarter's trend of an alert, and the table stays bounded
 * (one row per day, source, service and alert name). Views read at most the last 7 days.
 */
export const noiseRetentionMs = 90 * 86_400_000;

/** Housekeeping: deletes day buckets and pages older than the retention; returns how many rows. */
export const pruneNoise = (deps: Pick<UseCaseDeps, 'clock' | 'noise'>): number => deps.noise.prune(deps.clock.now() - noiseRetentionMs);
