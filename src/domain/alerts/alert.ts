/** What an alert is once any sender's format is read: Alertmanager's model, times as UTC ms. */
export interface IncomingAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  /** When the sender says it stops (or stopped) firing; null = firing until resent or timed out. */
  endsAt: number | null;
  generatorUrl: string | null;
}

export type AlertStatus = 'firing' | 'resolved';
export type AlertClass = 'critical' | 'warning' | 'info';

/**
 * What became of an alert when it last changed:
 * - heartbeat: the monitoring pipeline's own always-firing alert; never shown
 * - info: recorded, never notified
 * - held_maintenance / held_dependency: explained by an open maintenance window
 * - silenced: matched a silence made from Slack; recorded, never notified or paged
 * - flapping: changing state too often; held until it settles
 * - grouped: in a warning group's message
 * - paged: opened a critical alert group and paged
 * - attached: joined the open critical group of its service (a critical, or a warning while the
 *   critical is open)
 * - unrouted: no service and no channel to send it to
 */
export const dispositions = [
  'heartbeat',
  'info',
  'held_maintenance',
  'held_dependency',
  'silenced',
  'flapping',
  'grouped',
  'paged',
  'attached',
  'unrouted',
] as const;
export type Disposition = (typeof dispositions)[number];

export interface StoredAlert {
  fingerprint: string;
  sourceId: string;
  alertname: string;
  service: string | null;
  team: string | null;
  alertClass: AlertClass;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorUrl: string | null;
  status: AlertStatus;
  startsAt: number;
  /** When a firing alert stops firing unless sent again (its endsAt, or now + resolve_timeout). */
  expiresAt: number;
  firstSeenAt: number;
  lastSeenAt: number;
  receivedCount: number;
  /** When its status last changed, within the flapping window: the evidence for flapping. */
  changes: number[];
  disposition: Disposition;
  /** The maintenance window or silence holding it, while held. */
  holdId: string | null;
  groupId: string | null;
  resolvedAt: number | null;
}

/** The words people read first: the summary annotation, else the alert name. */
export const alertSummary = (alert: Pick<StoredAlert, 'annotations' | 'alertname'>): string =>
  alert.annotations.summary ?? alert.annotations.title ?? alert.annotations.message ?? alert.alertname;

export const runbookOf = (alert: Pick<StoredAlert, 'annotations'>): string | null =>
  alert.annotations.runbook_url ?? alert.annotations.runbook ?? null;
