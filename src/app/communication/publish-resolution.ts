import type { Incident } from '../../domain/incident/incident.js';
import { fillTemplate, formatLocalTime, serviceNames } from './audiences.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * Resolving by button or command after customers were told about an incident: the status page gets
 * the "resolved" template, so it never shows a fixed incident as still under investigation.
 */
export const publishResolution = (deps: Pick<UseCaseDeps, 'clock' | 'config' | 'updates'>, incident: Incident): boolean => {
  if (incident.isPrivate) return false;
  const updates = deps.updates.listForIncident(incident.id);
  const lastPublic = updates.filter((update) => update.customerMessage !== null).at(-1);
  if (!lastPublic || lastPublic.status === 'resolved') return false;
  const config = deps.config();
  const now = deps.clock.now();
  const time = formatLocalTime(now, config.timezone);
  deps.updates.add({
    incidentId: incident.id,
    status: 'resolved',
    severity: incident.severity,
    whatChanged: 'Resolved',
    impact: '',
    nextSteps: '',
    nextUpdateAt: null,
    customerMessage: fillTemplate(config.statusPage.templates.resolved, { services: serviceNames(config, incident), time, nextUpdate: '' }),
    postedBy: incident.roles.commander ?? incident.reporterId,
    postedAt: now,
  });
  return true;
};
