/** What paging asks of storage, and what a page DM says. */
export interface PageDetails {
  escalationId: string;
  /** What the page is about: the service's name, or "you" for a direct page. */
  about: string;
  runbook: string | null;
  levelIndex: number;
  pass: number;
  requestedBy: string;
}

export type EscalationStatus = 'active' | 'acknowledged' | 'exhausted' | 'cancelled';

export interface Escalation {
  id: string;
  incidentId: string;
  policyId: string | null;
  targetKind: 'service' | 'user';
  targetId: string;
  levelIndex: number;
  pass: number;
  status: EscalationStatus;
  requestedBy: string;
  startedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  endedAt: number | null;
}

export interface PageNotification {
  escalationId: string;
  userId: string;
  levelIndex: number;
  pass: number;
  channelId: string;
  ts: string;
  sentAt: number;
}

export interface EscalationRepository {
  create(input: Omit<Escalation, 'id' | 'levelIndex' | 'pass' | 'status' | 'acknowledgedBy' | 'acknowledgedAt' | 'endedAt'>): Escalation;
  findById(id: string): Escalation | undefined;
  listForIncident(incidentId: string): Escalation[];
  /** The acknowledged escalations of these incidents, in one read (the digest covers hundreds). */
  listAcknowledgedForIncidents(incidentIds: readonly string[]): Escalation[];
  update(escalation: Escalation): void;
  addNotification(notification: PageNotification): void;
  notifications(escalationId: string): PageNotification[];
}
