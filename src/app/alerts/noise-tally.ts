import type { StoredAlert } from '../../domain/alerts/alert.js';
import { addCounts, countsOf, dayOf, noCounts, type AlertCounts } from '../../domain/alerts/noise.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertCountRow } from './noise-ports.js';

/** Counts a batch's decisions in memory, then writes one row per bucket (the hot path stays a map lookup per alert). */
export interface NoiseTally {
  decided(previous: StoredAlert | undefined, decided: StoredAlert): void;
  /** Writes what was counted; inside the transaction that stored the decisions. */
  flush(): void;
}

/**
 * `fresh`: the decisions are about sightings from monitoring (received); otherwise they re-decide
 * alerts already received (a window or silence ended). The heartbeat is the pipeline's pulse, not
 * noise: it is never counted.
 */
export const noiseTally = (deps: Pick<UseCaseDeps, 'noise' | 'config'>, now: number, fresh: boolean): NoiseTally => {
  const heartbeat = deps.config().alerts.heartbeat.alertname;
  const day = dayOf(now);
  const buckets = new Map<string, AlertCountRow & { counts: AlertCounts }>();
  return {
    decided: (previous, decided) => {
      if (decided.alertname === heartbeat) return;
      const counts = countsOf(previous, decided, fresh);
      // A sighting counts on the day it arrived: batches folded together may straddle midnight.
      const bucketDay = fresh ? dayOf(decided.lastSeenAt) : day;
      const key = `${bucketDay}\u0000${decided.sourceId}\u0000${decided.service ?? ''}\u0000${decided.alertname}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { day: bucketDay, sourceId: decided.sourceId, service: decided.service, alertname: decided.alertname, team: decided.team, counts: noCounts() };
        buckets.set(key, bucket);
      }
      addCounts(bucket.counts, counts);
    },
    flush: () => {
      const rows = [...buckets.values()].filter((row) => Object.values(row.counts).some((count) => count > 0));
      if (rows.length > 0) deps.noise.add(rows);
      buckets.clear();
    },
  };
};
