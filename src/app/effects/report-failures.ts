import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from './effect-jobs.js';

const what: Partial<Record<Job['kind'], (job: Job) => string>> = {
  create_channel: () => 'create the incident channel',
  set_topic: () => 'set the channel topic',
  invite: () => 'invite people to the incident channel',
  post_card: () => 'post the incident card',
  pin_card: () => 'pin the incident card',
  post_announcement: (job) => `post the announcement in <#${String(job.payload.channelId)}>`,
  invite_experts: () => 'invite the services\' experts',
  send_checklist: (job) => `send <@${String(job.payload.userId)}> their role checklist`,
  refresh_incident: () => 'update the incident card and topic',
  post_line: () => 'post in the incident channel',
  post_note: () => 'post your note in the incident channel (it is on the timeline)',
  maintenance_notice: (job) => `tell <#${String(job.payload.channelId)}> about the maintenance window`,
  send_update: (job) => `post the update for ${String(job.payload.audience)} in <#${String(job.payload.channelId)}>`,
  executive_summary: (job) => `post the executive summary in <#${String(job.payload.channelId)}>`,
  draft_postmortem: () => 'draft the postmortem',
  similar_incidents: () => 'suggest similar past incidents',
  send_page: (job) => (typeof job.payload.userId === 'string' ? `page <@${job.payload.userId}>` : 'page a user group'),
  close_page_dms: () => 'update the page messages',
};

/** The conversation a declare came from: the reporter is told there while the incident has no channel. */
const declaredFrom = (job: Job): string | undefined => (typeof job.payload.tellIn === 'string' ? job.payload.tellIn : undefined);

export type ReportJobFailureDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'incidents' | 'jobs'>;

/**
 * Failures are never silent. The person whose action a job carries out hears once, privately, that
 * it is delayed and will be retried; a step given up for good (`channel_not_found`, `missing_scope`)
 * is said once in the incident channel. An incident whose channel could not be created says so.
 */
// `verdict` is the scheduler's FailureVerdict, taken structurally: app does not import the scheduler.
export const reportJobFailure = (deps: ReportJobFailureDeps) => (job: Job, verdict: { reason: string }, outcome: 'retrying' | 'gave_up'): void => {
  const describe = what[job.kind];
  if (!describe) return;
  const incident = job.incidentId ? deps.incidents.findById(job.incidentId) : undefined;
  deps.atomically(() => {
    if (outcome === 'retrying' && job.actorId) {
      const where = incident?.channelId ?? declaredFrom(job) ?? job.actorId;
      enqueue(deps, effect.tellPrivately(incident?.id, where, job.actorId, `:hourglass_flowing_sand: I could not ${describe(job)} yet (${verdict.reason}). It will be retried; nothing you did is lost.`));
    }
    if (outcome !== 'gave_up' || !incident) return;
    if (job.kind === 'create_channel') {
      deps.incidents.setSlackRefs(incident.id, { setupError: verdict.reason });
      enqueue(deps, effect.tellPrivately(incident.id, declaredFrom(job) ?? incident.reporterId, incident.reporterId, `:x: INC-${incident.number} is declared, but its channel could not be created (${verdict.reason}). \`/incident list\` shows it with a Retry button.`));
      return;
    }
    enqueue(deps, effect.reportFailure(incident.id, `:warning: I could not ${describe(job)}: Slack answered \`${verdict.reason}\`. I will not retry this; the rest of the incident is unaffected.`));
  });
};
