import { DateTime } from 'luxon';
import { findService } from '../../domain/escalation/escalation.js';
import { byTier } from '../../domain/escalation/services.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import type { Incident } from '../../domain/incident/incident.js';

/** Service names as configured (ids resolved), or as typed when not configured; the most critical tier first. */
export const serviceNames = (config: IncidentConfig, incident: Pick<Incident, 'services'>): string[] =>
  byTier(
    incident.services.map((typed) => {
      const service = findService(config, typed);
      return { name: service?.name ?? typed, tier: service?.tier ?? Number.POSITIVE_INFINITY };
    }),
  ).map((service) => service.name);

/**
 * Who hears about an incident beyond its channel. Private (security) incidents stay in their channel;
 * stakeholders by severity policy, from the global list and the affected services' own channels;
 * executives by severity policy.
 */
export const audiencesFor = (config: IncidentConfig, incident: Incident): { stakeholders: string[]; executives: string | null } => {
  // Private (security) incidents and practice drills never leave their channel.
  if (incident.isPrivate || incident.isDrill) return { stakeholders: [], executives: null };
  const policy = config.severities[incident.severity];
  const perService = incident.services.flatMap((service) => findService(config, service)?.stakeholderChannels ?? []);
  return {
    stakeholders: policy.notifyStakeholders ? [...new Set([...config.channels.stakeholders, ...perService])] : [],
    executives: policy.notifyExecutives ? config.channels.executives : null,
  };
};

/** A time as customer messages show it, in the configured zone: "14:30 GMT". */
export const formatLocalTime = (at: number, zone: string): string => DateTime.fromMillis(at, { zone }).toFormat('HH:mm ZZZZ');

/** Fills a customer message template: {services}, {time}, {next_update}. */
export const fillTemplate = (template: string, values: { services: string[]; time: string; nextUpdate: string }): string =>
  template
    .replaceAll('{services}', values.services.length > 0 ? values.services.join(', ') : 'our services')
    .replaceAll('{time}', values.time)
    .replaceAll('{next_update}', values.nextUpdate);
