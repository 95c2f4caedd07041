import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { NewIncident } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { scheduleUpdateReminder } from '../communication/reminders.js';
import { startPagingNow } from '../paging/start-paging.js';
import { audiencesFor } from '../communication/audiences.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { findService, policyForService } from '../../domain/escalation/escalation.js';
import { isDomainError } from '../../domain/errors.js';
import { timerMs } from '../../domain/incident/drills.js';
import { jobKeys } from '../job-keys.js';

const startTimers = (deps: Pick<UseCaseDeps, 'clock' | 'config' | 'jobs'>, incident: Incident) => {
  const now = deps.clock.now();
  deps.jobs.schedule(
    {
      kind: 'commander_missing',
      key: jobKeys.commanderMissing(incident.id),
      incidentId: incident.id,
      dueAt: now + timerMs(incident, deps.config().nudges.commanderMissingAfter.ms, deps.config().drills.speedup),
    },
    now,
  );
  scheduleUpdateReminder(deps, incident);
};

type PageServicesDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/**
 * Severities whose policy says `page: true` page every affected service that has an escalation policy.
 * Policies in `alreadyPaging` are paging about this already (an alert's page): nobody is paged twice.
 */
const pageServices = (deps: PageServicesDeps, incident: Incident, alreadyPaging: readonly string[]) => {
  const config = deps.config();
  if (!config.severities[incident.severity].page) return;
  // Services sharing a policy (one team's) page its people once, not once per service.
  const pagedPolicies = new Set<string>(alreadyPaging);
  for (const name of incident.services) {
    const service = findService(config, name);
    const policy = service ? policyForService(config, service) : undefined;
    if (!service || !policy || pagedPolicies.has(policy.id)) continue;
    pagedPolicies.add(policy.id);
    try {
      startPagingNow(deps, { incidentId: incident.id, target: { kind: 'service', id: service.id }, requestedBy: incident.reporterId });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      enqueue(deps, effect.postLine(incident.id, `:warning: Could not page ${service.name}: ${error.message}`));
    }
  }
};

export type DeclareIncidentDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/**
 * Declares INC-<n>. The incident, its first pages, its timers and every step still to take in Slack
 * are stored in one transaction before the form is answered; the steps then run as jobs (channel →
 * topic, members, pinned card, announcement, checklist), resuming after a failure or a restart. The
 * page does not wait for any of them.
 */
export const declareIncident = async (deps: DeclareIncidentDeps, input: NewIncident, options: DeclareOptions = {}): Promise<Incident> =>
  deps.atomically(() => declareIncidentNow(deps, input, options));

export interface DeclareOptions {
  tellIn?: string;
  /** Escalation policies already paging about this (an alert group's page): not paged again. */
  alreadyPaging?: readonly string[];
}

/** The declaration inside the caller's transaction (an alert's page decision declares in the same one). */
export const declareIncidentNow = (deps: DeclareIncidentDeps, input: NewIncident, options: DeclareOptions = {}): Incident => {
  const incident = deps.incidents.create(input, deps.clock.now());
  deps.log.info({ incidentId: incident.id, incident: incidentKey(incident), severity: incident.severity }, 'incident declared');
  enqueue(deps, effect.createChannel(incident.id, input.reporterId, options.tellIn));
  startTimers(deps, incident);
  pageServices(deps, incident, options.alreadyPaging ?? []);
  const { executives } = audiencesFor(deps.config(), incident);
  if (executives) enqueue(deps, effect.executiveSummary(incident.id, executives, 'declared'));
  enqueue(deps, effect.similarIncidents(incident.id));
  return incident;
};
