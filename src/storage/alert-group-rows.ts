import type { AlertGroup, AlertGroupKind } from '../app/alerts/alert-ports.js';

/**
 * The columns of `alert_groups` that make an AlertGroup, in the order of GroupValues: the hot
 * statements read rows as arrays (better-sqlite3's `raw()`) and bind arrays, because better-sqlite3
 * builds and reads an object a property at a time through V8's C++ API, which took twice as long
 * (about 9 µs for a group's row, looked up for every alert folded).
 */
export const groupColumns = [
  'id',
  'kind',
  'team',
  'service',
  'alertname',
  'channel_id',
  'ts',
  'status',
  'opened_at',
  'last_change_at',
  'resolved_at',
  'acknowledged_by',
  'acknowledged_at',
  'incident_id',
  'page_held_by',
  'edited_at',
] as const;

/** An alert group's row in `alert_groups`: the values of `groupColumns`, in order. */
export type GroupValues = [
  id: string,
  kind: string,
  team: string | null,
  service: string | null,
  alertname: string | null,
  channelId: string | null,
  ts: string | null,
  status: string,
  openedAt: number,
  lastChangeAt: number,
  resolvedAt: number | null,
  acknowledgedBy: string | null,
  acknowledgedAt: number | null,
  incidentId: string | null,
  pageHeldBy: string | null,
  editedAt: number | null,
];

export const groupFromValues = (values: GroupValues): AlertGroup => {
  const [id, kind, team, service, alertname, channelId, ts, status, openedAt, lastChangeAt, resolvedAt, acknowledgedBy, acknowledgedAt, incidentId, pageHeldBy, editedAt] = values;
  return { id, kind: kind as AlertGroupKind, team, service, alertname, channelId, ts, status: status as AlertGroup['status'], openedAt, lastChangeAt, resolvedAt, acknowledgedBy, acknowledgedAt, incidentId, pageHeldBy, editedAt };
};

const groupToValues = (group: AlertGroup): GroupValues => [
  group.id,
  group.kind,
  group.team,
  group.service,
  group.alertname,
  group.channelId,
  group.ts,
  group.status,
  group.openedAt,
  group.lastChangeAt,
  group.resolvedAt,
  group.acknowledgedBy,
  group.acknowledgedAt,
  group.incidentId,
  group.pageHeldBy,
  group.editedAt,
];

type AfterFirst<Values extends unknown[]> = Values extends [unknown, ...infer Rest] ? Rest : never;

/** A group's values for `update … set <every column but id> … where id = ?`: its id last. */
export type GroupUpdateValues = [...AfterFirst<GroupValues>, id: string];

export const groupUpdateValues = (group: AlertGroup): GroupUpdateValues => {
  const [id, ...rest] = groupToValues(group);
  return [...rest, id];
};
