import { DomainError } from '../../domain/errors.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { IncidentRepository } from './ports.js';

/** The incident whose channel this is, if it is one. */
export const incidentInChannel = (incidents: Pick<IncidentRepository, 'findByChannel'>, channelId: string): Incident | undefined =>
  incidents.findByChannel(channelId);

/** The refusal for something that needs an incident channel, used elsewhere: one a person can act on. */
export const notAnIncidentChannel = (what = 'This command'): DomainError =>
  new DomainError(
    'NOT_AN_INCIDENT_CHANNEL',
    `${what} only works inside an incident channel. Use \`/incident list\` to find one, or \`/incident declare\` to start one.`,
  );

export const incidentById = (incidents: IncidentRepository, id: string): Incident => {
  const incident = incidents.findById(id);
  if (!incident) throw new DomainError('INCIDENT_NOT_FOUND', 'That incident no longer exists.');
  return incident;
};
