import type { IncidentUpdate } from '../../domain/communication/types.js';
import { DomainError } from '../../domain/errors.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { Severity } from '../../domain/incident/severity.js';
import { statusLabels, type Status } from '../../domain/incident/status.js';
import { applyCommand } from '../incident/apply-command.js';
import { audiencesFor, serviceNames } from './audiences.js';
import { incidentById } from '../incident/find-incident.js';
import type { Audience } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { afterChange } from '../effects/incident-changes.js';
import { customerTemplate } from './update-form.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { jobKeys } from '../job-keys.js';
import { requirePermission } from '../permissions/require-permission.js';

export interface PostUpdateInput {
  incidentId: string;
  actorId: string;
  /** A new status, when the update moves the incident on. */
  status?: Status;
  whatChanged: string;
  impact?: string;
  nextSteps?: string;
  /** In how many minutes the next update is due; null = the severity's cadence. */
  nextUpdateInMinutes?: number | null;
  /** The public status page's words; null or empty = an internal update. */
  customerMessage?: string | null;
  /** Publish the status page template, filled in for the status this update leaves the incident in. */
  useTemplate?: boolean;
}

/** "Status: Investigating → Identified" and the like, since the previous update (or the declaration). */
export const changesSince = (previous: Pick<IncidentUpdate, 'status'> & { severity: Severity }, incident: Incident): string[] => {
  const changes: string[] = [];
  if (previous.status !== incident.status) changes.push(`status ${statusLabels[previous.status]} → ${statusLabels[incident.status]}`);
  if (previous.severity !== incident.severity) changes.push(`severity ${previous.severity} → ${incident.severity}`);
  return changes;
};

export type PostUpdateDeps = Pick<
  UseCaseDeps,
  'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline' | 'updates' | 'userGroups'
>;

/**
 * One submission, every audience: the engineers' version in the channel, the stakeholders' in theirs,
 * the executives' one-liner, and the public status page when a customer message is given. The status
 * change, the stored update and every post are committed together; the posts then go out as jobs.
 */
export const postUpdate = async (deps: PostUpdateDeps, input: PostUpdateInput): Promise<Incident> => {
  const whatChanged = input.whatChanged.trim();
  if (!whatChanged) throw new DomainError('INVALID_INPUT', 'An update needs to say what changed.', 'what_changed');
  return deps.atomically(() => {
    let before = incidentById(deps.incidents, input.incidentId);
    if (input.status && input.status !== before.status) {
      before = applyCommand(deps, before.id, { type: 'set_status', to: input.status, actorId: input.actorId, reason: whatChanged }).incident;
    }
    const now = deps.clock.now();
    const nextUpdateAt = input.nextUpdateInMinutes ? now + input.nextUpdateInMinutes * 60_000 : null;
    const written = input.useTemplate && nextUpdateAt !== null ? customerTemplate(deps, before, before.status, nextUpdateAt) : input.customerMessage;
    const customerMessage = before.isPrivate ? null : written?.trim() || null;
    // Only who permissions.publish names may write to customers; anyone may post the update itself.
    if (customerMessage !== null) requirePermission(deps, 'publish', input.actorId, before, input.useTemplate ? 'use_template' : 'customer_message');
    const previous = deps.updates.listForIncident(before.id).at(-1);
    const update = deps.updates.add({
      incidentId: before.id,
      status: before.status,
      severity: before.severity,
      whatChanged,
      impact: input.impact?.trim() ?? '',
      nextSteps: input.nextSteps?.trim() ?? '',
      nextUpdateAt,
      customerMessage,
      postedBy: input.actorId,
      postedAt: now,
    });
    const incident: Incident = {
      ...before,
      impact: update.impact || before.impact,
      latestUpdate: { text: whatChanged, at: now, by: input.actorId },
      updatedAt: now,
    };
    deps.incidents.save(
      incident,
      [{ kind: 'update_posted', actorId: input.actorId, at: now, text: whatChanged, data: { updateId: update.id, public: customerMessage !== null } }],
      before,
    );
    afterChange(deps, before, incident);
    if (update.nextUpdateAt) {
      deps.jobs.schedule(
        { kind: 'update_due', key: jobKeys.updateDue(incident.id), incidentId: incident.id, dueAt: Math.max(now, update.nextUpdateAt) },
        now,
      );
    }
    const config = deps.config();
    const baseline = previous ?? declaredState(deps, incident);
    const view = { serviceNames: serviceNames(config, incident), changes: changesSince(baseline, incident), first: !previous };
    const audiences = audiencesFor(config, incident);
    const send = (audience: Audience, channelId: string) => effect.sendUpdate(incident.id, update.id, audience, channelId, view, input.actorId);
    enqueue(
      deps,
      ...(incident.channelId ? [send('engineers', incident.channelId)] : []),
      ...audiences.stakeholders.map((channel) => send('stakeholders', channel)),
      ...(audiences.executives ? [send('executives', audiences.executives)] : []),
    );
    deps.log.info({ incidentId: incident.id, actorId: input.actorId, public: customerMessage !== null }, 'update posted');
    return incident;
  });
};

/** How the incident started, for the first update's "what changed": the declared severity, investigating. */
const declaredState = (deps: Pick<UseCaseDeps, 'timeline'>, incident: Incident): { status: Status; severity: Severity } => {
  const declared = deps.timeline.list(incident.id).find((entry) => entry.kind === 'declared');
  const severity = typeof declared?.data.severity === 'string' ? (declared.data.severity as Severity) : incident.severity;
  return { status: 'investigating', severity };
};
