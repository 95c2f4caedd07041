import { DomainError } from '../../domain/errors.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { IncidentRepository } from './ports.js';

/** The incident whose channel this is, or a NOT_AN_INCIDENT_CHANNEL refusal users can act on. */
export const incidentForChannel = (incidents: IncidentRepository, channelId: string): Incident => {
  const incident = incidents.findByChannel(channelId);
  if (!incident) {
    throw new DomainError(
      'NOT_AN_INCIDENT_CHANNEL',
      'This command only works inside an incident channel. Use `/incident list` to find one, or `/incident declare` to start one.',
    );
  }
  return incident;
};

export const incidentById = (incidents: IncidentRepository, id: string): Incident => {
  const incident = incidents.findById(id);
  if (!incident) throw new DomainError('INCIDENT_NOT_FOUND', 'That incident no longer exists.');
  return incident;
};
