import type { StoredAlert } from './alert.js';

/** The noise accounting's counters of an alert, in the order they are shown. */
export const alertCounters = ['received', 'folded', 'heldMaintenance', 'heldDependency', 'flapping', 'silenced', 'notified', 'paged'] as const;
export type AlertCounter = (typeof alertCounters)[number];
export type AlertCounts = Record<AlertCounter, number>;

export const noCounts = (): AlertCounts => ({ received: 0, folded: 0, heldMaintenance: 0, heldDependency: 0, flapping: 0, silenced: 0, notified: 0, paged: 0 });

const dayMs = 86_400_000;

/** The start of the UTC day holding `at`: counts are kept per day. */
export const dayOf = (at: number): number => Math.floor(at / dayMs) * dayMs;

/** "The last 7 days": today (UTC) and the six days before it. */
export const lastDaysSince = (now: number, days = 7): number => dayOf(now) - (days - 1) * dayMs;

const heldCounter = { held_maintenance: 'heldMaintenance', held_dependency: 'heldDependency', silenced: 'silenced', flapping: 'flapping' } as const;

/**
 * What one decision about an alert adds to its counts. `fresh` is a sighting from monitoring (it
 * counts as received, and as folded when the fingerprint was known); a re-decision (a window or a
 * silence ended while it still fired) counts only what then reached people.
 * - held / silenced / flapping: each firing sighting so held, as each is one notification saved;
 * - notified: the alert entered a message (joined a warning group, or attached to an open critical's
 *   card), once per joining: repeats edit that message and are not counted again (a warning group
 *   whose alerts all resolve within group_wait posts no message, but its alerts were counted);
 * - paged: the alert opened a critical group, which pages.
 */
export const countsOf = (previous: StoredAlert | undefined, decided: StoredAlert, fresh: boolean): Partial<AlertCounts> => {
  const counts: Partial<AlertCounts> = {};
  if (fresh) {
    counts.received = 1;
    if (previous) counts.folded = 1;
  }
  if (decided.status !== 'firing') return counts;
  const held = heldCounter[decided.disposition as keyof typeof heldCounter];
  if (held && fresh) counts[held] = 1;
  const joined = decided.groupId !== null && decided.groupId !== previous?.groupId;
  if (joined && decided.disposition === 'paged') counts.paged = 1;
  if (joined && (decided.disposition === 'grouped' || decided.disposition === 'attached')) counts.notified = 1;
  return counts;
};

/** Sums counts into `into`. */
export const addCounts = (into: AlertCounts, counts: Partial<AlertCounts>): AlertCounts => {
  for (const counter of alertCounters) into[counter] += counts[counter] ?? 0;
  return into;
};

/** The digest's part about alerts: the noisiest alerts and who was paged, since the start of `since`'s day. */
export interface AlertNoiseDigest {
  since: number;
  alerts: { service: string | null; alertname: string; counts: AlertCounts }[];
  /** People by display name (the digest is posted in a channel: no mention pings them). */
  people: { name: string; paged: number; acknowledged: number; ignored: number }[];
  /** How many more people were paged than are listed. */
  morePeople: number;
}
