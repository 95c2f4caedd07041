import type { AlertGroup, AlertGroupKind } from '../app/alerts/alert-ports.js';

/** An alert group as its row in `alert_groups`, and back. */
export interface GroupRow {
  id: string;
  kind: string;
  team: string | null;
  service: string | null;
  alertname: string | null;
  channel_id: string | null;
  ts: string | null;
  status: string;
  opened_at: number;
  last_change_at: number;
  resolved_at: number | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  incident_id: string | null;
  page_held_by: string | null;
  edited_at: number | null;
}

export const groupFromRow = (row: GroupRow): AlertGroup => ({
  id: row.id,
  kind: row.kind as AlertGroupKind,
  team: row.team,
  service: row.service,
  alertname: row.alertname,
  channelId: row.channel_id,
  ts: row.ts,
  status: row.status as AlertGroup['status'],
  openedAt: row.opened_at,
  lastChangeAt: row.last_change_at,
  resolvedAt: row.resolved_at,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: row.acknowledged_at,
  incidentId: row.incident_id,
  pageHeldBy: row.page_held_by,
  editedAt: row.edited_at,
});

export const groupToRow = (group: AlertGroup): GroupRow => ({
  id: group.id,
  kind: group.kind,
  team: group.team,
  service: group.service,
  alertname: group.alertname,
  channel_id: group.channelId,
  ts: group.ts,
  status: group.status,
  opened_at: group.openedAt,
  last_change_at: group.lastChangeAt,
  resolved_at: group.resolvedAt,
  acknowledged_by: group.acknowledgedBy,
  acknowledged_at: group.acknowledgedAt,
  incident_id: group.incidentId,
  page_held_by: group.pageHeldBy,
  edited_at: group.editedAt,
});

export const groupColumns = Object.keys(groupToRow({} as AlertGroup));
