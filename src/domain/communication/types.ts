import type { Status } from '../incident/status.js';

/** One posted update: the engineers' details, and optionally the words customers may read. */
export interface IncidentUpdate {
  id: string;
  incidentId: string;
  /** The incident's status when the update was posted. */
  status: Status;
  whatChanged: string;
  impact: string;
  nextSteps: string;
  nextUpdateAt: number | null;
  /** Null when the update is internal only; never contains internal details by construction. */
  customerMessage: string | null;
  postedBy: string;
  postedAt: number;
}

export interface Maintenance {
  id: string;
  /** Public name, e.g. "Database upgrade". */
  title: string;
  /** Public description of what happens and what customers may notice. */
  message: string;
  /** Service ids from the configuration. */
  services: string[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
  cancelledAt: number | null;
}

/** Statuspage's component statuses. */
export const componentStatuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Statuspage's incident statuses and impacts. */
export type PublicIncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';
export type PublicImpact = 'none' | 'minor' | 'major' | 'critical';
export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

export interface PublicUpdate {
  id: string;
  status: PublicIncidentStatus | MaintenanceStatus;
  body: string;
  createdAt: number;
}

export interface StatusComponent {
  /** The service id from the configuration. */
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  position: number;
  updatedAt: number;
}

export interface PublicIncident {
  id: string;
  /** Generated from services and impact; the internal title never appears publicly. */
  name: string;
  status: PublicIncidentStatus;
  impact: PublicImpact;
  createdAt: number;
  updatedAt: number;
  startedAt: number;
  monitoringAt: number | null;
  resolvedAt: number | null;
  componentIds: string[];
  /** Newest first. */
  updates: PublicUpdate[];
}

export interface PublicMaintenance {
  id: string;
  name: string;
  status: MaintenanceStatus;
  scheduledFor: number;
  scheduledUntil: number;
  createdAt: number;
  updatedAt: number;
  componentIds: string[];
  updates: PublicUpdate[];
}

/** Everything the public status page shows, computed at one instant. */
export interface StatusPageSnapshot {
  page: { id: string; name: string; url: string; timeZone: string; updatedAt: number };
  components: StatusComponent[];
  /** Public incidents of the last 90 days, newest first (unresolved ones included). */
  incidents: PublicIncident[];
  /** Maintenance that is upcoming, in progress, or ended within the last 90 days, soonest first. */
  maintenances: PublicMaintenance[];
}
