import { publicStatuses, type PublicStatus } from '../../domain/escalation/types.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { Status } from '../../domain/incident/status.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { fillTemplate, formatLocalTime, serviceNames } from './audiences.js';
import { whyNot } from '../permissions/require-permission.js';

const publicStatus = (status: Status): PublicStatus => ((publicStatuses as readonly string[]).includes(status) ? (status as PublicStatus) : 'resolved');

/** The status page template for `status`, filled in for the incident's services and the next update. */
export const customerTemplate = (deps: Pick<UseCaseDeps, 'config' | 'clock'>, incident: Incident, status: Status, nextUpdateAt: number): string => {
  const config = deps.config();
  return fillTemplate(config.statusPage.templates[publicStatus(status)], {
    services: serviceNames(config, incident),
    time: formatLocalTime(deps.clock.now(), config.timezone),
    nextUpdate: formatLocalTime(nextUpdateAt, config.timezone),
  });
};

export interface UpdateFormDefaults {
  /** "Next update in", from the severity's cadence. */
  defaultMinutes: number;
  /** The current status's template shown beside the (empty) customer message; null = private, no public field. */
  customerTemplate: string | null;
  /** Why the person opening the form may not write to customers (permissions.publish); null when they may. */
  publishRefusal: string | null;
}

/** What the update form starts with for this incident. */
export const updateFormDefaults = (deps: Pick<UseCaseDeps, 'config' | 'clock' | 'userGroups'>, incident: Incident, viewerId: string): UpdateFormDefaults => {
  const defaultMinutes = Math.max(1, Math.round((deps.config().severities[incident.severity].updateEvery?.ms ?? 3_600_000) / 60_000));
  const template = incident.isPrivate ? null : customerTemplate(deps, incident, incident.status, deps.clock.now() + defaultMinutes * 60_000);
  return { defaultMinutes, customerTemplate: template, publishRefusal: template === null ? null : (whyNot(deps, 'publish', viewerId, incident) ?? null) };
};
