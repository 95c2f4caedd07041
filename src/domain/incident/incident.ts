import type { Role } from './roles.js';
import type { Severity } from './severity.js';
import type { Status } from './status.js';

export interface LatestUpdate {
  text: string;
  at: number;
  by: string;
}

/** An incident as the domain sees it: plain data, timestamps in UTC milliseconds. */
export interface Incident {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: Status;
  summary: string;
  impact: string;
  services: string[];
  isPrivate: boolean;
  /** A practice run: marked everywhere, timers sped up, left out of metrics and public outputs. */
  isDrill: boolean;
  reporterId: string;
  /** Current holder of each role; history lives in role assignments. */
  roles: Partial<Record<Role, string>>;
  channelId: string | null;
  channelName: string | null;
  cardTs: string | null;
  announcementChannelId: string | null;
  announcementTs: string | null;
  latestUpdate: LatestUpdate | null;
  declaredAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  /** Why the channel could not be created, once that failed for good; the incident is listed with a retry. */
  setupError?: string | null;
}

export const incidentKey = (incident: Pick<Incident, 'number'>): string => `INC-${incident.number}`;

/** When the incident was last told about: its latest status update, else its declaration. */
export const lastUpdateAt = (incident: Pick<Incident, 'latestUpdate' | 'declaredAt'>): number => incident.latestUpdate?.at ?? incident.declaredAt;

/** Time from declaration until resolution (or until now while it is still open). */
export const incidentDuration = (incident: Incident, now: number): number =>
  (incident.resolvedAt ?? incident.closedAt ?? now) - incident.declaredAt;

export const formatDuration = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${rest}m`;
  return `${rest}m`;
};
