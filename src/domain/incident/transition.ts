import { DomainError } from '../errors.js';
import type { TimelineEvent } from '../timeline/event.js';
import { incidentKey, type Incident } from './incident.js';
import type { Role } from './roles.js';
import type { Severity } from './severity.js';
import { allowedTransitions, isFinished, statusLabels, type Status } from './status.js';

export type IncidentCommand =
  | { type: 'set_status'; to: Status; actorId: string; reason?: string }
  | { type: 'change_severity'; to: Severity; actorId: string }
  | { type: 'assign_role'; role: Role; userId: string; actorId: string };

export type TransitionResult =
  | { ok: true; incident: Incident; events: TimelineEvent[] }
  | { ok: false; error: DomainError };

const refuse = (error: DomainError): TransitionResult => ({ ok: false, error });

/** A move to where the incident already is: say where it is, not that the lifecycle forbids it. */
const alreadyThere = (incident: Incident, where: string): DomainError => new DomainError('SAME_VALUE', `${incidentKey(incident)} is already ${where}.`);

/** Pure: the incident after `command`, and the timeline events it produced, or why it is refused. */
export const transition = (incident: Incident, command: IncidentCommand, now: number): TransitionResult => {
  if (command.type === 'set_status' && command.to === incident.status) return refuse(alreadyThere(incident, statusLabels[command.to].toLowerCase()));
  if (isFinished(incident.status)) {
    return refuse(new DomainError('INCIDENT_FINISHED', `The incident is ${incident.status}; it can no longer change.`));
  }
  switch (command.type) {
    case 'set_status':
      return setStatus(incident, command, now);
    case 'change_severity':
      return changeSeverity(incident, command, now);
    case 'assign_role':
      return assignRole(incident, command, now);
  }
};

const setStatus = (
  incident: Incident,
  command: Extract<IncidentCommand, { type: 'set_status' }>,
  now: number,
): TransitionResult => {
  const from = incident.status;
  const to = command.to;
  if (!allowedTransitions[from].includes(to)) {
    return refuse(new DomainError('TRANSITION_NOT_ALLOWED', `An incident cannot go from ${from} to ${to}.`));
  }
  const reopened = from === 'resolved' && to === 'investigating';
  const next: Incident = {
    ...incident,
    status: to,
    updatedAt: now,
    resolvedAt: to === 'resolved' ? now : reopened ? null : incident.resolvedAt,
    closedAt: to === 'closed' || to === 'cancelled' ? now : incident.closedAt,
  };
  const event: TimelineEvent = {
    kind: reopened ? 'reopened' : 'status_changed',
    actorId: command.actorId,
    at: now,
    text: command.reason ?? '',
    data: { from, to },
  };
  return { ok: true, incident: next, events: [event] };
};

const changeSeverity = (
  incident: Incident,
  command: Extract<IncidentCommand, { type: 'change_severity' }>,
  now: number,
): TransitionResult => {
  if (incident.severity === command.to) {
    return refuse(alreadyThere(incident, command.to));
  }
  const next: Incident = { ...incident, severity: command.to, updatedAt: now };
  const event: TimelineEvent = {
    kind: 'severity_changed',
    actorId: command.actorId,
    at: now,
    text: '',
    data: { from: incident.severity, to: command.to },
  };
  return { ok: true, incident: next, events: [event] };
};

const assignRole = (
  incident: Incident,
  command: Extract<IncidentCommand, { type: 'assign_role' }>,
  now: number,
): TransitionResult => {
  const previous = incident.roles[command.role];
  if (previous === command.userId) {
    return refuse(new DomainError('SAME_VALUE', `<@${command.userId}> already holds that role.`));
  }
  const next: Incident = {
    ...incident,
    roles: { ...incident.roles, [command.role]: command.userId },
    updatedAt: now,
  };
  const event: TimelineEvent = {
    kind: 'role_assigned',
    actorId: command.actorId,
    at: now,
    text: '',
    data: { role: command.role, userId: command.userId, previousUserId: previous ?? null },
  };
  return { ok: true, incident: next, events: [event] };
};
