import { DomainError } from '../../domain/errors.js';
import type { FollowUp } from '../../domain/postmortem/types.js';
import type { Incident } from '../../domain/incident/incident.js';
import { canSeeFollowUp } from '../../domain/incident/visibility.js';
import { incidentById } from '../incident/find-incident.js';
import type { Job } from '../ports.js';
import { sentOnce } from '../outbound.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import { dueAtEndOfDay } from '../../domain/postmortem/typed-times.js';
import { jobKeys } from '../job-keys.js';

export interface AddFollowUpInput {
  incidentId: string;
  text: string;
  ownerId: string | null;
  /** YYYY-MM-DD, due at the end of that working day in the configured time zone. */
  dueDate: string | null;
  blocking: boolean;
  actorId: string;
}


export type AddFollowUpDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'followUps' | 'incidents' | 'jobs' | 'log'>;

/** Records an action item; its owner is reminded when it falls due. */
export const addFollowUp = async (deps: AddFollowUpDeps, input: AddFollowUpInput): Promise<FollowUp> => {
  const text = input.text.trim();
  if (text.length < 3) throw new DomainError('INVALID_INPUT', 'Describe the follow-up: `/incident followup <what> [@owner] [YYYY-MM-DD] [blocking]`.', 'text');
  const dueAt = input.dueDate === null ? null : dueAtEndOfDay(input.dueDate, deps.config().timezone);
  if (dueAt === undefined) throw new DomainError('INVALID_INPUT', `\`${escapeUserText(input.dueDate ?? '')}\` is not a date; write it as YYYY-MM-DD.`, 'due');
  return deps.atomically(() => {
    const incident = incidentById(deps.incidents, input.incidentId);
    const now = deps.clock.now();
    const followUp = deps.followUps.add({
      incidentId: incident.id,
      text,
      ownerId: input.ownerId,
      dueAt,
      blocking: input.blocking,
      createdBy: input.actorId,
      createdAt: now,
    });
    if (followUp.dueAt !== null && followUp.ownerId) {
      deps.jobs.schedule({ kind: 'follow_up_due', key: jobKeys.followUpDue(followUp.id), incidentId: incident.id, dueAt: Math.max(now, followUp.dueAt), payload: { followUpId: followUp.id } }, now);
    }
    const owner = followUp.ownerId ? ` owned by <@${followUp.ownerId}>` : ' (no owner yet)';
    const due = followUp.dueAt ? `, due <!date^${Math.floor(followUp.dueAt / 1000)}^{date_short}|${new Date(followUp.dueAt).toISOString().slice(0, 10)}>` : '';
    enqueue(deps, effect.postLine(incident.id, `:white_large_square: Follow-up${followUp.blocking ? ' *(blocking)*' : ''}: ${escapeUserText(text)}${owner}${due}`, input.actorId));
    deps.log.info({ incidentId: incident.id, followUpId: followUp.id }, 'follow-up added');
    return followUp;
  });
};

export type CompleteFollowUpDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'followUps' | 'incidents' | 'jobs'>;

/**
 * Done, from a list or a reminder. Who may complete it is checked on every click: a button in an old
 * list stays clickable after a role changes hands.
 */
export const completeFollowUp = async (deps: CompleteFollowUpDeps, input: { followUpId: string; actorId: string; channelId?: string | undefined }): Promise<FollowUp> => {
  const existing = deps.followUps.findById(input.followUpId);
  const incident = existing && deps.incidents.findById(existing.incidentId);
  // A follow-up of a private incident the clicker is not in is answered as if it did not exist.
  if (!existing || !canSeeFollowUp(existing, incident, { userId: input.actorId, channelId: input.channelId })) {
    throw new DomainError('INCIDENT_NOT_FOUND', 'That follow-up no longer exists.');
  }
  if (existing.status === 'done') throw new DomainError('SAME_VALUE', 'That follow-up is already done.');
  return deps.atomically(() => {
    const now = deps.clock.now();
    const done = deps.followUps.markDone(existing.id, now)!;
    deps.jobs.cancel(jobKeys.followUpDue(existing.id), now);
    enqueue(deps, effect.postLine(existing.incidentId, `:white_check_mark: <@${input.actorId}> completed the follow-up: ${escapeUserText(existing.text)}`, input.actorId));
    return done;
  });
};

/** The follow_up_due job: remind the owner, unless it was done meanwhile. */
export const remindFollowUp = async (deps: Pick<UseCaseDeps, 'followUps' | 'incidents' | 'notifier'>, job: Job): Promise<void> => {
  const followUp = deps.followUps.findById(String(job.payload.followUpId));
  if (!followUp || followUp.status !== 'open' || !followUp.ownerId) return;
  const incident = deps.incidents.findById(followUp.incidentId);
  if (incident) await deps.notifier.sendDm(followUp.ownerId, { kind: 'follow_up_reminder', followUp, incident }, sentOnce(job));
};

export type FollowUpView = 'mine' | 'overdue' | 'incident' | 'all';

const openFollowUps = (deps: Pick<UseCaseDeps, 'clock' | 'followUps'>, input: { view: FollowUpView; userId: string; incidentId?: string }): FollowUp[] => {
  switch (input.view) {
    case 'mine':
      return deps.followUps.listOpen({ ownerId: input.userId });
    case 'overdue':
      return deps.followUps.listOpen({ dueBefore: deps.clock.now() });
    case 'incident':
      return input.incidentId ? deps.followUps.listForIncident(input.incidentId).filter((followUp) => followUp.status === 'open') : [];
    case 'all':
      return deps.followUps.listOpen();
  }
};

/**
 * Open follow-ups with their incidents, leaving out those of private incidents the viewer is not in.
 * Without a view asked for: the incident's own in an incident channel, else the viewer's.
 */
export const listFollowUps = (
  deps: Pick<UseCaseDeps, 'clock' | 'followUps' | 'incidents'>,
  input: { view?: Exclude<FollowUpView, 'incident'> | undefined; userId: string; incidentId?: string | undefined; channelId?: string },
): { view: FollowUpView; listed: Array<{ followUp: FollowUp; incident: Incident | undefined }> } => {
  const view: FollowUpView = input.view ?? (input.incidentId ? 'incident' : 'mine');
  const viewer = { userId: input.userId, channelId: input.channelId };
  const listed = openFollowUps(deps, { ...input, view })
    .map((followUp) => ({ followUp, incident: deps.incidents.findById(followUp.incidentId) }))
    .filter(({ followUp, incident }) => canSeeFollowUp(followUp, incident, viewer));
  return { view, listed };
};
