import { DomainError } from '../../domain/errors.js';
import { manualMilestones, type ManualMilestone } from '../../domain/postmortem/derive-milestones.js';
import { incidentById } from './find-incident.js';
import { milestoneTime } from '../../domain/postmortem/typed-times.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';

export type SetMilestoneDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'incidents' | 'jobs' | 'timeline' | 'config'>;

/**
 * `/incident milestone started 09:12`: when impact really began (or was detected, or mitigated), for
 * the postmortem's durations. The latest setting of a milestone wins; earlier ones stay as history.
 */
export const setMilestone = async (deps: SetMilestoneDeps, input: { incidentId: string; milestone: string; when?: string | undefined; actorId: string }) => {
  if (!(manualMilestones as readonly string[]).includes(input.milestone)) {
    throw new DomainError('INVALID_INPUT', `\`${escapeUserText(input.milestone)}\` is not a milestone you can set. Use ${manualMilestones.join(', ')}.`);
  }
  const now = deps.clock.now();
  const zone = deps.config().timezone;
  const at = milestoneTime(input.when, zone, now);
  if (at === undefined) throw new DomainError('INVALID_INPUT', `\`${escapeUserText(input.when ?? '')}\` is not a time; write HH:MM or YYYY-MM-DDTHH:MM (${zone}).`);
  if (at > now) throw new DomainError('INVALID_INPUT', 'A milestone cannot be in the future.');
  const milestone = input.milestone as ManualMilestone;
  deps.atomically(() => {
    const incident = incidentById(deps.incidents, input.incidentId);
    deps.timeline.append(incident.id, { kind: 'milestone', actorId: input.actorId, at: now, text: `${milestone} set`, data: { milestone, at: at } });
    enqueue(
      deps,
      effect.postLine(
        incident.id,
        `:triangular_flag_on_post: <@${input.actorId}> set *${milestone}* to <!date^${Math.floor(at / 1000)}^{date_short_pretty} {time}|${new Date(at).toISOString()}>`,
        input.actorId,
      ),
    );
  });
};
