import type { ModalView } from '@slack/types';
import { fillTemplate, formatLocalTime, serviceNames } from '../../app/audiences.js';
import type { UseCaseDeps } from '../../app/ports.js';
import { publicStatuses, type PublicStatus } from '../../domain/escalation/types.js';
import type { Incident } from '../../domain/incident/incident.js';
import { updateModal } from '../blocks/modals.js';

/** The update form, prefilled from the severity's cadence and the status page template of the current status. */
export const updateModalFor = (deps: UseCaseDeps, incident: Incident): ModalView => {
  const config = deps.config();
  const defaultMinutes = Math.max(1, Math.round((config.severities[incident.severity].updateEvery?.ms ?? 3_600_000) / 60_000));
  const now = deps.clock.now();
  const status: PublicStatus = (publicStatuses as readonly string[]).includes(incident.status) ? (incident.status as PublicStatus) : 'resolved';
  const customerDraft = incident.isPrivate
    ? null
    : fillTemplate(config.statusPage.templates[status], {
        services: serviceNames(config, incident),
        time: formatLocalTime(now, config.timezone),
        nextUpdate: formatLocalTime(now + defaultMinutes * 60_000, config.timezone),
      });
  return updateModal(incident, { defaultMinutes, customerDraft });
};
