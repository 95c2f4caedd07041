import type { Audience, ExecutiveSummary, MaintenancePhase } from '../communication/ports.js';
import type { NewJob } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { jobPriority } from '../ports.js';
import { jobKeys } from '../job-keys.js';

/** A job as a use case writes it: due now unless it says otherwise. */
export type EffectJob = Omit<NewJob, 'dueAt'> & { dueAt?: number };

/** The lanes that keep order where it matters: the card before its refreshes, channel lines in order. */
const cardLane = (incidentId: string) => `card:${incidentId}`;
export const channelLane = (incidentId: string) => `channel:${incidentId}`;

/**
 * Every Slack effect a committed change can imply, as a durable job. Handlers (effect-handlers.ts)
 * read the state when they run, so a repeat after a crash or a retry renders what is true then.
 */
export const effect = {
  /** `tellIn`: where the reporter declared from; they hear there once the channel exists. */
  createChannel: (incidentId: string, actorId: string, tellIn?: string): EffectJob => ({
    kind: 'create_channel',
    key: jobKeys.createChannel(incidentId),
    incidentId,
    lane: channelLane(incidentId),
    priority: jobPriority.urgent,
    actorId,
    payload: tellIn ? { tellIn } : {},
  }),
  setTopic: (incidentId: string): EffectJob => ({ kind: 'set_topic', key: jobKeys.setTopic(incidentId), incidentId, priority: jobPriority.urgent }),
  invite: (incidentId: string, userIds: string[], actorId?: string): EffectJob => ({
    kind: 'invite',
    incidentId,
    priority: jobPriority.urgent,
    payload: { userIds },
    ...(actorId ? { actorId } : {}),
  }),
  postCard: (incidentId: string): EffectJob => ({ kind: 'post_card', key: jobKeys.postCard(incidentId), incidentId, lane: cardLane(incidentId), priority: jobPriority.urgent }),
  /** Outside the card's lane: the announcement, next in that lane, does not wait for the pin. */
  pinCard: (incidentId: string): EffectJob => ({ kind: 'pin_card', key: jobKeys.pinCard(incidentId), incidentId, priority: jobPriority.urgent }),
  postAnnouncement: (incidentId: string, channelId: string): EffectJob => ({
    kind: 'post_announcement',
    key: jobKeys.postAnnouncement(incidentId),
    incidentId,
    lane: cardLane(incidentId),
    payload: { channelId },
  }),
  inviteExperts: (incidentId: string): EffectJob => ({ kind: 'invite_experts', key: jobKeys.inviteExperts(incidentId), incidentId, lane: channelLane(incidentId) }),
  sendChecklist: (incidentId: string, userId: string, role: string): EffectJob => ({ kind: 'send_checklist', incidentId, payload: { userId, role } }),
  /** Card, topic and announcement in line with the stored incident; pending refreshes fold into one. */
  refresh: (incidentId: string): EffectJob => ({ kind: 'refresh_incident', key: jobKeys.refresh(incidentId), incidentId, lane: cardLane(incidentId) }),
  /** A line in the incident channel, in order with the other lines. */
  postLine: (incidentId: string, text: string, actorId?: string): EffectJob => ({
    kind: 'post_line',
    incidentId,
    lane: channelLane(incidentId),
    payload: { text },
    ...(actorId ? { actorId } : {}),
  }),
  /** A note already on the timeline, echoed in the channel; its message becomes the entry's permalink. */
  postNote: (incidentId: string, entryId: string, actorId: string): EffectJob => ({
    kind: 'post_note',
    key: jobKeys.postNote(entryId),
    incidentId,
    lane: channelLane(incidentId),
    payload: { entryId },
    actorId,
  }),
  /** One stakeholder channel told of a maintenance window's phase; in order per window and channel. */
  maintenanceNotice: (maintenanceId: string, phase: MaintenancePhase, channelId: string): EffectJob => ({
    kind: 'maintenance_notice',
    key: jobKeys.maintenanceNotice(maintenanceId, phase, channelId),
    lane: `maintenance:${maintenanceId}:${channelId}`,
    payload: { maintenanceId, phase, channelId },
  }),
  tellPrivately: (incidentId: string | undefined, channelId: string, userId: string, text: string): EffectJob => ({
    kind: 'tell_privately',
    ...(incidentId ? { incidentId } : {}),
    priority: jobPriority.urgent,
    payload: { channelId, userId, text },
  }),
  sendUpdate: (incidentId: string, updateId: string, audience: Audience, channelId: string, view: { serviceNames: string[]; changes: string[]; first: boolean }, actorId: string): EffectJob => ({
    kind: 'send_update',
    incidentId,
    ...(audience === 'engineers' ? { lane: channelLane(incidentId) } : {}),
    payload: { updateId, audience, channelId, ...view },
    actorId,
  }),
  executiveSummary: (incidentId: string, channelId: string, reason: ExecutiveSummary['reason'], previousSeverity?: string): EffectJob => ({
    kind: 'executive_summary',
    incidentId,
    payload: { channelId, reason, ...(previousSeverity ? { previousSeverity } : {}) },
  }),
  draftPostmortem: (incidentId: string, actorId: string): EffectJob => ({
    kind: 'draft_postmortem',
    key: jobKeys.draftPostmortem(incidentId),
    incidentId,
    priority: jobPriority.background,
    payload: { actorId },
  }),
  similarIncidents: (incidentId: string): EffectJob => ({ kind: 'similar_incidents', incidentId, lane: channelLane(incidentId), priority: jobPriority.background }),
  /** One page DM: to a person, or to every member of a user group (resolved when it runs). */
  page: (incidentId: string, escalationId: string, levelIndex: number, pass: number, to: { userId: string } | { usergroupId: string }): EffectJob => ({
    kind: 'send_page',
    key: jobKeys.page(escalationId, pass, levelIndex, 'userId' in to ? to.userId : to.usergroupId),
    incidentId,
    priority: jobPriority.page,
    payload: { escalationId, levelIndex, pass, ...to },
  }),
  /** Brings every DM of a page in line with the page's state (acknowledged, ended). */
  closePageDms: (incidentId: string, escalationId: string, outcome: string): EffectJob => ({
    kind: 'close_page_dms',
    key: jobKeys.closePages(escalationId),
    incidentId,
    priority: jobPriority.urgent,
    payload: { escalationId, outcome },
  }),
  reportFailure: (incidentId: string, text: string): EffectJob => ({ kind: 'report_failure', incidentId, lane: channelLane(incidentId), payload: { text } }),
  /** The status update is due: a DM to one of its owners, saying how long it has been when it is sent. */
  updateReminder: (incidentId: string, userId: string): EffectJob => ({ kind: 'update_reminder', incidentId, payload: { userId } }),
};

/** Writes the jobs (inside the caller's transaction); the scheduler is woken once it commits. */
export const enqueue = (deps: Pick<UseCaseDeps, 'jobs' | 'clock'>, ...jobs: EffectJob[]): void => {
  const now = deps.clock.now();
  for (const job of jobs) deps.jobs.schedule({ ...job, dueAt: job.dueAt ?? now }, now);
};
