import { nextEscalationStep } from '../domain/escalation/escalation.js';
import { incidentById } from './find-incident.js';
import { escalationJobKey, pageLevel } from './page-level.js';
import { resolvePolicy } from './escalation-policy.js';
import type { Escalation, UseCaseDeps } from './ports.js';

/**
 * The escalation job, and the Escalate-now button: if nobody has acknowledged, page the next level
 * (or start the next pass); when the policy is exhausted, say so loudly in the channel.
 */
export const escalatePage = async (deps: UseCaseDeps, input: { escalationId: string; actorId?: string }): Promise<Escalation | undefined> => {
  const escalation = deps.escalations.findById(input.escalationId);
  if (!escalation || escalation.status !== 'active') return escalation;
  deps.jobs.cancel(escalationJobKey(escalation.id), deps.clock.now());
  const incident = incidentById(deps.incidents, escalation.incidentId);
  const { policy, context } = resolvePolicy(deps.config(), escalation);
  const next = nextEscalationStep(policy, escalation);
  const now = deps.clock.now();

  if (!next) {
    const exhausted: Escalation = { ...escalation, status: 'exhausted', endedAt: now };
    deps.escalations.update(exhausted);
    deps.timeline.append(incident.id, {
      kind: 'escalation_exhausted',
      actorId: escalation.requestedBy,
      at: now,
      text: `Nobody acknowledged the page for ${context.about}`,
      data: { escalationId: escalation.id, passes: escalation.pass + 1 },
    });
    if (incident.channelId) {
      await deps.notifier.postToChannel(
        incident.channelId,
        `:rotating_light: <!here> Nobody acknowledged the page for *${context.about}* after ${escalation.pass + 1} pass(es) through its escalation policy. Page someone directly with \`/incident page @person\`.`,
      );
    }
    return exhausted;
  }

  const escalated: Escalation = { ...escalation, ...next };
  deps.escalations.update(escalated);
  if (input.actorId && incident.channelId) {
    await deps.notifier.postToChannel(incident.channelId, `:arrow_double_up: <@${input.actorId}> escalated the page for *${context.about}* now.`);
  }
  await pageLevel(deps, incident, escalated, policy, context);
  return escalated;
};
