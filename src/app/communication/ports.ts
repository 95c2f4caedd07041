import type { Severity } from '../../domain/incident/severity.js';
import type { IncidentUpdate, Maintenance } from '../../domain/communication/types.js';
import type { PublicIncidentSource } from '../../domain/communication/public-incident.js';

export type Audience = 'engineers' | 'stakeholders' | 'executives';
export type MaintenancePhase = 'scheduled' | 'started' | 'completed' | 'cancelled';

/** An update with what changed since the previous one, ready to render for any audience. */
export interface UpdateView {
  update: IncidentUpdate;
  serviceNames: string[];
  /** e.g. ["status Investigating → Identified", "severity SEV2 → SEV1"], since the previous update or the declaration. */
  changes: string[];
  /** True when this is the first update. */
  first: boolean;
}

export interface ExecutiveSummary {
  reason: 'declared' | 'severity_changed' | 'resolved';
  serviceNames: string[];
  nextUpdateAt: number | null;
  previousSeverity?: Severity;
}

export interface UpdateRepository {
  add(update: Omit<IncidentUpdate, 'id'> & { severity: Severity }): IncidentUpdate;
  listForIncident(incidentId: string): (IncidentUpdate & { severity: Severity })[];
  /** Updates of the given incidents, oldest first. */
  listForIncidents(incidentIds: string[]): IncidentUpdate[];
}

/** What the public status page is built from, read in a few indexed queries. */
export interface StatusPageSource {
  /** Grows with every change to incidents, updates or maintenance that the page could show. */
  version(): number;
  /**
   * Incidents the page may show (not drills, not private) declared at or after `since` or still
   * open; the updates of those incidents that carry a customer message, by incident, oldest first
   * (same-millisecond updates in stored order); and the maintenance windows ending after `since`.
   * An incident that did not change is the same object, with the same updates array, as last time.
   */
  read(since: number): {
    incidents: PublicIncidentSource[];
    updates: ReadonlyMap<string, readonly IncidentUpdate[]>;
    maintenances: Maintenance[];
  };
}

export interface MaintenanceRepository {
  create(input: Omit<Maintenance, 'id' | 'cancelledAt'>): Maintenance;
  findById(id: string): Maintenance | undefined;
  /** Windows that end after `since`, soonest start first. */
  listEndingAfter(since: number): Maintenance[];
  cancel(id: string, at: number): void;
}
