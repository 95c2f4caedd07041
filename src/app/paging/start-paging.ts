import { DomainError } from '../../domain/errors.js';
import { findService } from '../../domain/escalation/escalation.js';
import { isFinished } from '../../domain/incident/status.js';
import { incidentById } from '../incident/find-incident.js';
import { pageLevel } from './page-level.js';
import { resolvePolicy } from './escalation-policy.js';
import type { Escalation } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export interface StartPagingInput {
  incidentId: string;
  target: { kind: 'service' | 'user'; id: string };
  requestedBy: string;
}

export type StartPagingDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/** Starts an escalation for a service (its policy) or a person (direct page) and pages level 1. */
export const startPaging = async (deps: StartPagingDeps, input: StartPagingInput): Promise<Escalation> => deps.atomically(() => startPagingNow(deps, input));

export type StartPagingNowDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/** The same, inside the caller's transaction (declare pages in the transaction that stores the incident). */
export const startPagingNow = (deps: StartPagingNowDeps, input: StartPagingInput): Escalation => {
  const incident = incidentById(deps.incidents, input.incidentId);
  if (isFinished(incident.status) || incident.status === 'resolved') {
    throw new DomainError('INCIDENT_FINISHED', `The incident is ${incident.status}; there is nobody to page for.`);
  }
  const config = deps.config();
  const service = input.target.kind === 'service' ? findService(config, input.target.id) : undefined;
  const target = { targetKind: input.target.kind, targetId: service?.id ?? input.target.id };
  const { policy, context } = resolvePolicy(config, target);
  const running = deps.escalations
    .listForIncident(incident.id)
    .find((escalation) => escalation.status === 'active' && escalation.targetKind === target.targetKind && escalation.targetId === target.targetId);
  if (running) throw new DomainError('SAME_VALUE', `*${context.about}* is already being paged for this incident.`);

  const escalation = deps.escalations.create({
    incidentId: incident.id,
    policyId: policy.id,
    ...target,
    requestedBy: input.requestedBy,
    startedAt: deps.clock.now(),
  });
  pageLevel(deps, incident, escalation, policy, context);
  return escalation;
};
