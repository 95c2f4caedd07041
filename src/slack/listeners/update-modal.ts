import type { ModalView } from '@slack/types';
import { fillTemplate, formatLocalTime, serviceNames } from '../../app/communication/audiences.js';
import type { UseCaseDeps } from '../../app/use-case-deps.js';
import { publicStatuses, type PublicStatus } from '../../domain/escalation/types.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { Status } from '../../domain/incident/status.js';
import { updateModal } from '../blocks/modals.js';

const publicStatus = (status: Status): PublicStatus => ((publicStatuses as readonly string[]).includes(status) ? (status as PublicStatus) : 'resolved');

/** The status page template for `status`, filled in for the incident's services and the next update. */
export const customerTemplate = (deps: UseCaseDeps, incident: Incident, status: Status, nextUpdateAt: number): string => {
  const config = deps.config();
  return fillTemplate(config.statusPage.templates[publicStatus(status)], {
    services: serviceNames(config, incident),
    time: formatLocalTime(deps.clock.now(), config.timezone),
    nextUpdate: formatLocalTime(nextUpdateAt, config.timezone),
  });
};

/**
 * The update form: "next update in" from the severity's cadence; the customer message empty, with the
 * current status's template shown beside it and published only when ticked.
 */
export const updateModalFor = (deps: UseCaseDeps, incident: Incident): ModalView => {
  const defaultMinutes = Math.max(1, Math.round((deps.config().severities[incident.severity].updateEvery?.ms ?? 3_600_000) / 60_000));
  const template = incident.isPrivate ? null : customerTemplate(deps, incident, incident.status, deps.clock.now() + defaultMinutes * 60_000);
  return updateModal(incident, { defaultMinutes, customerTemplate: template });
};
