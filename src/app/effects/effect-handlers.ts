import { channelNameCandidate, renderChannelName } from '../../domain/incident/channel-name.js';
import { DomainError } from '../../domain/errors.js';
import { incidentKey, lastUpdateAt, type Incident } from '../../domain/incident/incident.js';
import { activeStatuses, isFinished, type Status } from '../../domain/incident/status.js';
import type { Role } from '../../domain/incident/roles.js';
import type { Severity } from '../../domain/incident/severity.js';
import { serviceNames } from '../communication/audiences.js';
import { resolvePolicy } from '../paging/escalation-policy.js';
import { generatePostmortem } from '../postmortem/generate-postmortem.js';
import type { Audience, ExecutiveSummary } from '../communication/ports.js';
import type { Job } from '../ports.js';
import { sentOnce, type OutboundMessage } from '../outbound.js';
import type { EffectKind } from '../job-kinds.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { suggestSimilarIncidents } from '../incident/search-incidents.js';
import { effect, enqueue } from './effect-jobs.js';
import { inviteExperts } from '../paging/invite-experts.js';
import { noteLine } from '../incident/add-note.js';
import { sendMaintenanceNotice } from '../communication/schedule-maintenance.js';
import { jobKeys } from '../job-keys.js';

type Handler = (job: Job) => Promise<void>;
/** An effect handler before it is bound to the dependencies. */
type Effect = (deps: EffectHandlersDeps, job: Job) => Promise<void>;

const maxNameAttempts = 20;
/** Text fields of a payload are written as strings; anything else reads as empty, never "[object Object]". */
const text = (job: Job, name: string): string => {
  const value = job.payload[name];
  return typeof value === 'string' ? value : '';
};

/** A page is over once someone took it or the incident no longer needs it. */
const pageEnded = (status: string) => status === 'acknowledged' || status === 'cancelled';
const incidentOver = (status: Status) => isFinished(status) || status === 'resolved';

export type EffectHandlersDeps = Pick<
  UseCaseDeps,
  'atomically' | 'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'jobs' | 'log' | 'maintenances' | 'notifier' | 'people' | 'postmortems' | 'publicUrl' | 'search' | 'settings' | 'slis' | 'sloStatus' | 'timeline' | 'updates'
>;

const incidentOf = (deps: Pick<UseCaseDeps, 'incidents'>, job: Job): Incident => {
  const incident = job.incidentId ? deps.incidents.findById(job.incidentId) : undefined;
  if (!incident) throw new DomainError('INCIDENT_NOT_FOUND', `job ${job.kind} names no stored incident`);
  return incident;
};

/** Channel steps run behind channel creation (same lane); none left to do when it failed for good. */
const withChannel = async (deps: Pick<UseCaseDeps, 'incidents' | 'log'>, job: Job, work: (incident: Incident, channelId: string) => Promise<unknown>) => {
  const incident = incidentOf(deps, job);
  if (!incident.channelId) {
    deps.log.info({ incidentId: incident.id, kind: job.kind }, 'no incident channel: step skipped');
    return;
  }
  await work(incident, incident.channelId);
};

/** A channel step that only says something there, once (marked with its job, as a retry may follow a post that landed). */
const inChannel =
  (message: (job: Job, incident: Incident) => OutboundMessage): Effect =>
  (deps, job) =>
    withChannel(deps, job, (incident, channelId) => deps.notifier.post(channelId, message(job, incident), sentOnce(job)));

/** A free channel name near the template's, or ours from an earlier try whose answer was lost. */
const createFreeChannel = async (deps: EffectHandlersDeps, incident: Incident): Promise<{ id: string; name: string }> => {
  const baseName = renderChannelName(incident.isDrill ? 'drill-{number}-{slug}' : deps.settings.channelNameTemplate, incident);
  for (let attempt = 1; attempt <= maxNameAttempts; attempt += 1) {
    const candidate = channelNameCandidate(baseName, attempt);
    const result = await deps.notifier.createChannel(candidate, incident.isPrivate);
    if (result !== 'name_taken') return result;
    // An earlier try (ours or the client's own retry) may have created it and lost the answer:
    // take our own channel back rather than leave it orphaned.
    const ours = await deps.notifier.findOwnChannel(candidate, incident.declaredAt);
    if (ours) return ours;
  }
  throw new DomainError('CHANNEL_NAME_UNAVAILABLE', `no free channel name near #${baseName} after ${maxNameAttempts} tries`);
};

const createChannel: Effect = async (deps, job) => {
  const incident = incidentOf(deps, job);
  if (incident.channelId) return;
  const created = await createFreeChannel(deps, incident);
  deps.atomically(() => {
    const stored = deps.incidents.setSlackRefs(incident.id, { channelId: created.id, channelName: created.name, setupError: null });
    const announcements = deps.config().channels.announcements;
    const commander = stored.roles.commander;
    enqueue(
      deps,
      effect.postCard(stored.id),
      effect.setTopic(stored.id),
      effect.invite(stored.id, [...new Set([stored.reporterId, ...(commander ? [commander] : [])])]),
      ...(announcements && !stored.isPrivate ? [effect.postAnnouncement(stored.id, announcements)] : []),
      effect.inviteExperts(stored.id),
      ...(commander ? [effect.sendChecklist(stored.id, commander, 'commander')] : []),
      ...(typeof job.payload.tellIn === 'string'
        ? [effect.tellPrivately(stored.id, job.payload.tellIn, stored.reporterId, `:rotating_light: ${incidentKey(stored)} declared: <#${created.id}>`)]
        : []),
    );
  });
  deps.log.info({ incidentId: incident.id, incident: incidentKey(incident), channelId: created.id }, 'incident channel ready');
};

/** The card, with the SLOs of the incident's services as their last evaluation read them. */
const cardOf = (deps: EffectHandlersDeps, incident: Incident): OutboundMessage => {
  const ids = new Set(deps.config().slos.filter((slo) => incident.services.includes(slo.service)).map((slo) => slo.id));
  return { kind: 'incident_card', incident, slos: deps.sloStatus.list().filter((status) => ids.has(status.sloId)) };
};

const postCard: Effect = (deps, job) =>
  withChannel(deps, job, async (incident, channelId) => {
    const cardTs = incident.cardTs ?? (await deps.notifier.post(channelId, cardOf(deps, incident), sentOnce(job, `card:${incident.id}`)));
    deps.atomically(() => {
      if (!incident.cardTs) deps.incidents.setSlackRefs(incident.id, { cardTs });
      enqueue(deps, effect.pinCard(incident.id));
    });
  });

const postAnnouncement: Effect = (deps, job) =>
  withChannel(deps, job, async (incident) => {
    if (incident.announcementTs) return;
    const channelId = text(job, 'channelId');
    const announcementTs = await deps.notifier.post(channelId, { kind: 'incident_announcement', incident }, sentOnce(job, `announcement:${incident.id}`));
    deps.incidents.setSlackRefs(incident.id, { announcementChannelId: channelId, announcementTs });
  });

/** Card, topic and announcement in line with the incident as it is now. */
const refreshIncident: Effect = (deps, job) =>
  withChannel(deps, job, async (incident, channelId) => {
    await deps.notifier.setTopic(incident);
    if (incident.cardTs) await deps.notifier.update({ channelId, ts: incident.cardTs }, cardOf(deps, incident));
    if (incident.announcementChannelId && incident.announcementTs) {
      await deps.notifier.update({ channelId: incident.announcementChannelId, ts: incident.announcementTs }, { kind: 'incident_announcement', incident });
    }
  });

// Posted once: a repeat after the permalink was recorded finds it there and stops.
const postNote: Effect = (deps, job) =>
  withChannel(deps, job, async (incident, channelId) => {
    const entry = deps.timeline.list(incident.id).find((candidate) => candidate.id === job.payload.entryId);
    if (!entry || entry.slackTs) return;
    const ts = await deps.notifier.post(channelId, { kind: 'line', text: noteLine(entry) }, sentOnce(job, `note:${entry.id}`));
    deps.timeline.setSource(entry.id, { ts, permalink: deps.notifier.permalink(channelId, ts) });
  });

const sendUpdate: Effect = async (deps, job) => {
  const incident = incidentOf(deps, job);
  const update = deps.updates.listForIncident(incident.id).find((candidate) => candidate.id === job.payload.updateId);
  if (!update) return;
  const { serviceNames: names, changes, first } = job.payload as { serviceNames: string[]; changes: string[]; first: boolean };
  const view = { update, serviceNames: names, changes, first };
  await deps.notifier.post(text(job, 'channelId'), { kind: 'update', audience: job.payload.audience as Audience, incident, view }, sentOnce(job));
};

const sendExecutiveSummary: Effect = async (deps, job) => {
  const incident = incidentOf(deps, job);
  const summary: ExecutiveSummary = {
    reason: job.payload.reason as ExecutiveSummary['reason'],
    serviceNames: serviceNames(deps.config(), incident),
    nextUpdateAt: deps.jobs.pending(jobKeys.updateDue(incident.id))?.dueAt ?? null,
    ...(job.payload.previousSeverity ? { previousSeverity: job.payload.previousSeverity as Severity } : {}),
  };
  await deps.notifier.post(text(job, 'channelId'), { kind: 'executive_summary', incident, summary }, sentOnce(job));
};

/** One page DM (or, for a user group, one job per member), unless the page ended first. */
const sendPage: Effect = async (deps, job) => {
  const escalationId = text(job, 'escalationId');
  const escalation = deps.escalations.findById(escalationId);
  const incident = incidentOf(deps, job);
  if (!escalation || pageEnded(escalation.status) || incidentOver(incident.status)) return;
  const { levelIndex, pass } = job.payload as { levelIndex: number; pass: number };
  if (typeof job.payload.usergroupId === 'string') {
    const members = await deps.notifier.userGroupMembers(job.payload.usergroupId);
    deps.atomically(() => enqueue(deps, ...members.map((userId) => effect.page(incident.id, escalationId, levelIndex, pass, { userId }))));
    return;
  }
  const userId = text(job, 'userId');
  const already = deps.escalations.notifications(escalationId).some((sent) => sent.userId === userId && sent.levelIndex === levelIndex && sent.pass === pass);
  if (already) return;
  const { context } = resolvePolicy(deps.config(), escalation);
  const page = { escalationId, about: context.about, runbook: context.runbook, levelIndex, pass, requestedBy: escalation.requestedBy };
  const sent = await deps.notifier.sendDm(userId, { kind: 'page', incident, page }, sentOnce(job, `page:${escalationId}:${levelIndex}:${pass}:${userId}`));
  deps.atomically(() => {
    deps.escalations.addNotification({ escalationId, userId, levelIndex, pass, channelId: sent.channelId, ts: sent.ts, sentAt: deps.clock.now() });
    // Acknowledged or ended while this DM was on its way: its buttons must not stay live.
    const now = deps.escalations.findById(escalationId);
    if (now && pageEnded(now.status)) enqueue(deps, effect.closePageDms(incident.id, escalationId, now.status === 'acknowledged' ? `Acknowledged by <@${now.acknowledgedBy}>` : 'This page has ended'));
  });
};

const closePageDms: Effect = async (deps, job) => {
  const incident = incidentOf(deps, job);
  for (const notification of deps.escalations.notifications(text(job, 'escalationId'))) {
    await deps.notifier.update(notification, { kind: 'page_closed', incident, outcome: text(job, 'outcome') });
  }
};

/**
 * What each effect job does in Slack. Every handler reads the state as it is when it runs and is
 * safe to repeat: a step already done (channel created, card posted) is not done twice.
 */
const effects: Record<EffectKind, Effect> = {
  create_channel: createChannel,
  set_topic: (deps, job) => withChannel(deps, job, (incident) => deps.notifier.setTopic(incident)),
  invite: (deps, job) => withChannel(deps, job, (_incident, channelId) => deps.notifier.inviteUsers(channelId, (job.payload.userIds as string[]) ?? [])),
  post_card: postCard,
  pin_card: (deps, job) =>
    withChannel(deps, job, async (incident, channelId) => {
      if (incident.cardTs) await deps.notifier.pin(channelId, incident.cardTs);
    }),
  post_announcement: postAnnouncement,
  invite_experts: async (deps, job) => {
    await inviteExperts(deps, incidentOf(deps, job), sentOnce(job));
  },
  send_checklist: async (deps, job) => {
    await deps.notifier.sendDm(text(job, 'userId'), { kind: 'role_checklist', incident: incidentOf(deps, job), role: text(job, 'role') as Role });
  },
  refresh_incident: refreshIncident,
  post_line: inChannel((job) => ({ kind: 'line', text: text(job, 'text') })),
  post_note: postNote,
  maintenance_notice: (deps, job) => sendMaintenanceNotice(deps, job),
  report_failure: inChannel((job) => ({ kind: 'line', text: text(job, 'text') })),
  tell_privately: (deps, job) => deps.notifier.tellPrivately(text(job, 'channelId'), text(job, 'userId'), text(job, 'text')),
  send_update: sendUpdate,
  executive_summary: sendExecutiveSummary,
  draft_postmortem: (deps, job) => withChannel(deps, job, () => generatePostmortem(deps, { incidentId: job.incidentId!, actorId: text(job, 'actorId'), job })),
  similar_incidents: (deps, job) => withChannel(deps, job, (incident) => suggestSimilarIncidents(deps, incident, sentOnce(job))),
  send_page: sendPage,
  update_reminder: async (deps, job) => {
    const incident = incidentOf(deps, job);
    if (!activeStatuses.includes(incident.status)) return;
    await deps.notifier.sendDm(text(job, 'userId'), { kind: 'update_reminder', incident, overdueForMs: deps.clock.now() - lastUpdateAt(incident) });
  },
  close_page_dms: closePageDms,
};

export const effectHandlers = (deps: EffectHandlersDeps): Record<EffectKind, Handler> =>
  Object.fromEntries(Object.entries(effects).map(([kind, run]) => [kind, (job: Job) => run(deps, job)])) as Record<EffectKind, Handler>;
