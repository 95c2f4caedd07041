import type { AlertCounts } from '../../domain/alerts/noise.js';

/** What a batch adds to one (day, source, service, alert name) bucket. */
export interface AlertCountRow {
  day: number;
  sourceId: string;
  service: string | null;
  alertname: string;
  team: string | null;
  counts: Partial<AlertCounts>;
}

export type NoiseDimension = 'source' | 'service' | 'alert';

/** Which counts a view reads: since a day, optionally of one service, or of some teams' services. */
export interface NoiseScope {
  since: number;
  service?: string | null;
  teams?: readonly string[] | null;
}

/** Totals of one source, one service, or one (service, alert name). */
export interface NoiseTotal {
  sourceId: string | null;
  service: string | null;
  alertname: string | null;
  counts: AlertCounts;
}

/** One person's alert pages in a period. */
export interface PersonPages {
  userId: string;
  paged: number;
  acknowledged: number;
  /** Pages whose level timed out without an acknowledgement. */
  ignored: number;
}

export interface PagePosition {
  groupId: string;
  pass: number;
  levelIndex: number;
}

/** The noise accounting's storage; every write runs inside the caller's transaction. */
export interface NoiseStore {
  /** Adds a batch's counts to their buckets: one upsert per bucket, however many alerts. */
  add(rows: AlertCountRow[]): void;
  /** The noisiest (most received) sources, services or alerts in the scope. */
  totals(by: NoiseDimension, scope: NoiseScope, limit: number): NoiseTotal[];
  /** Someone was paged at this position; a repeat of the same page is not counted again. */
  recordPage(page: PagePosition & { userId: string; team: string | null; service: string | null }, at: number): void;
  /** The position's level went unacknowledged: its open pages count as ignored. Returns who they paged. */
  ignoreLevel(position: PagePosition, at: number): string[];
  /** The group was acknowledged: the acknowledger's open page (or a row saying they stepped in) counts, the others' were answered. */
  acknowledgePages(groupId: string, userId: string, group: { team: string | null; service: string | null }, at: number): void;
  /** Per person: pages, acknowledgements and ignored pages in the scope, most ignored first. */
  people(scope: NoiseScope, limit: number): PersonPages[];
  /** The teams whose alerts paged this person since `since`. */
  teamsPaged(userId: string, since: number): string[];
  /** Deletes buckets of days before `before` and pages decided (or sent and never decided) before it. */
  prune(before: number): number;
}
