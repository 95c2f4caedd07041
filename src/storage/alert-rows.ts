import type { AlertClass, AlertStatus, Disposition, StoredAlert } from '../domain/alerts/alert.js';

/**
 * The columns of `alerts`, in the order of AlertValues: the statements on the alert path read rows
 * as arrays (better-sqlite3's `raw()`) and bind arrays, for the reason given in alert-group-rows.ts.
 */
export const alertColumns = [
  'fingerprint',
  'source_id',
  'alertname',
  'service',
  'team',
  'alert_class',
  'labels',
  'annotations',
  'generator_url',
  'status',
  'starts_at',
  'expires_at',
  'first_seen_at',
  'last_seen_at',
  'received_count',
  'changes',
  'disposition',
  'hold_id',
  'group_id',
  'resolved_at',
] as const;

/** An alert's row in `alerts`: the values of `alertColumns`, in order (labels, annotations and changes as JSON). */
export type AlertValues = [
  fingerprint: string,
  sourceId: string,
  alertname: string,
  service: string | null,
  team: string | null,
  alertClass: string,
  labels: string,
  annotations: string,
  generatorUrl: string | null,
  status: string,
  startsAt: number,
  expiresAt: number,
  firstSeenAt: number,
  lastSeenAt: number,
  receivedCount: number,
  changes: string,
  disposition: string,
  holdId: string | null,
  groupId: string | null,
  resolvedAt: number | null,
];

export const alertFromValues = (values: AlertValues): StoredAlert => {
  const [fingerprint, sourceId, alertname, service, team, alertClass, labels, annotations, generatorUrl, status, startsAt, expiresAt, firstSeenAt, lastSeenAt, receivedCount, changes, disposition, holdId, groupId, resolvedAt] = values;
  return { fingerprint, sourceId, alertname, service, team, alertClass: alertClass as AlertClass, labels: JSON.parse(labels) as Record<string, string>, annotations: JSON.parse(annotations) as Record<string, string>, generatorUrl, status: status as AlertStatus, startsAt, expiresAt, firstSeenAt, lastSeenAt, receivedCount, changes: JSON.parse(changes) as number[], disposition: disposition as Disposition, holdId, groupId, resolvedAt };
};

export const alertToValues = (alert: StoredAlert): AlertValues => [
  alert.fingerprint,
  alert.sourceId,
  alert.alertname,
  alert.service,
  alert.team,
  alert.alertClass,
  JSON.stringify(alert.labels),
  JSON.stringify(alert.annotations),
  alert.generatorUrl,
  alert.status,
  alert.startsAt,
  alert.expiresAt,
  alert.firstSeenAt,
  alert.lastSeenAt,
  alert.receivedCount,
  JSON.stringify(alert.changes),
  alert.disposition,
  alert.holdId,
  alert.groupId,
  alert.resolvedAt,
];
