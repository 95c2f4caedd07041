import { nextEscalationStep } from '../../domain/escalation/escalation.js';
import { isFinished } from '../../domain/incident/status.js';
import { incidentById } from '../incident/find-incident.js';
import { pageLevel } from './page-level.js';
import { resolvePolicy } from './escalation-policy.js';
import type { Escalation } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { stopPaging } from './stop-paging.js';
import { jobKeys } from '../job-keys.js';

export interface EscalatePageInput {
  escalationId: string;
  /** Who clicked Escalate now; absent when the level's wait ran out. */
  actorId?: string;
  /** The level the clicked DM was shown for: a click acts on that level, never on a later one. */
  shownLevel?: { levelIndex: number; pass: number };
}

export type EscalatePageDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/**
 * The escalation job, and the Escalate-now button: if nobody has acknowledged, page the next level
 * (or start the next pass); when the policy is exhausted, say so loudly in the channel. The state is
 * read and written in one transaction, and a page is never sent for a finished incident.
 */
/** `moved` is false when nothing changed: acknowledged, ended, or already past the level the click was for. */
export const escalatePage = (deps: EscalatePageDeps, input: EscalatePageInput): { escalation: Escalation | undefined; moved: boolean } =>
  deps.atomically(() => {
    const escalation = deps.escalations.findById(input.escalationId);
    if (!escalation || escalation.status !== 'active') return { escalation, moved: false };
    const shown = input.shownLevel;
    if (shown && (shown.levelIndex !== escalation.levelIndex || shown.pass !== escalation.pass)) return { escalation, moved: false };
    const now = deps.clock.now();
    deps.jobs.cancel(jobKeys.escalate(escalation.id), now);
    const incident = incidentById(deps.incidents, escalation.incidentId);
    if (isFinished(incident.status) || incident.status === 'resolved') {
      stopPaging(deps, incident, `The incident was ${incident.status}`);
      return { escalation: deps.escalations.findById(escalation.id), moved: false };
    }
    const { policy, context } = resolvePolicy(deps.config(), escalation);
    const next = nextEscalationStep(policy, escalation);

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
      enqueue(
        deps,
        effect.postLine(
          incident.id,
          `:rotating_light: <!here> Nobody acknowledged the page for *${context.about}* after ${escalation.pass + 1} pass(es) through its escalation policy. The pages can still be acknowledged; page someone directly with \`/incident page @person\`.`,
        ),
      );
      return { escalation: exhausted, moved: true };
    }

    const escalated: Escalation = { ...escalation, ...next };
    deps.escalations.update(escalated);
    if (input.actorId) enqueue(deps, effect.postLine(incident.id, `:arrow_double_up: <@${input.actorId}> escalated the page for *${context.about}* now.`, input.actorId));
    pageLevel(deps, incident, escalated, policy, context);
    return { escalation: escalated, moved: true };
  });
