import { channelNameCandidate, renderChannelName } from '../../domain/incident/channel-name.js';
import { DomainError } from '../../domain/errors.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { isFinished, type Status } from '../../domain/incident/status.js';
import type { Role } from '../../domain/incident/roles.js';
import type { Severity } from '../../domain/incident/severity.js';
import { serviceNames } from '../communication/audiences.js';
import { resolvePolicy } from '../paging/escalation-policy.js';
import { generatePostmortem } from '../postmortem/generate-postmortem.js';
import type { Audience, ExecutiveSummary } from '../communication/ports.js';
import type { Job } from '../ports.js';
import type { JobKind } from '../job-kinds.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { suggestSimilarIncidents } from '../incident/search-incidents.js';
import { effect, enqueue } from './effect-jobs.js';
import { inviteExperts } from '../paging/invite-experts.js';
import type { AlertJobKind } from '../alerts/alert-jobs.js';
import { noteLine } from '../incident/add-note.js';
import { sendMaintenanceNotice } from '../communication/schedule-maintenance.js';

type Handler = (job: Job) => Promise<void>;
export type EffectKind = Exclude<JobKind, 'escalate' | 'commander_missing' | 'update_due' | 'update_overdue' | 'postmortem_due' | 'digest' | 'maintenance_start' | 'maintenance_end' | 'follow_up_due' | 'housekeeping' | AlertJobKind>;

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
  'atomically' | 'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'jobs' | 'log' | 'maintenances' | 'notifier' | 'people' | 'postmortems' | 'publicUrl' | 'search' | 'settings' | 'timeline' | 'updates'
>;

/**
 * What each effect job does in Slack. Every handler reads the state as it is when it runs and is
 * safe to repeat: a step already done (channel created, card posted) is not done twice.
 */
export const effectHandlers = (deps: EffectHandlersDeps): Record<EffectKind, Handler> => {
  const { notifier } = deps;
  const incidentOf = (job: Job): Incident => {
    const incident = job.incidentId ? deps.incidents.findById(job.incidentId) : undefined;
    if (!incident) throw new DomainError('INCIDENT_NOT_FOUND', `job ${job.kind} names no stored incident`);
    return incident;
  };
  /** Channel steps run behind channel creation (same lane); none left to do when it failed for good. */
  const withChannel = async (job: Job, work: (incident: Incident, channelId: string) => Promise<unknown>) => {
    const incident = incidentOf(job);
    if (!incident.channelId) {
      deps.log.info({ incidentId: incident.id, kind: job.kind }, 'no incident channel: step skipped');
      return;
    }
    await work(incident, incident.channelId);
  };

  return {
    create_channel: async (job) => {
      const incident = incidentOf(job);
      if (incident.channelId) return;
      const baseName = renderChannelName(incident.isDrill ? 'drill-{number}-{slug}' : deps.settings.channelNameTemplate, incident);
      let channel: { id: string; name: string } | undefined;
      for (let attempt = 1; attempt <= maxNameAttempts && !channel; attempt += 1) {
        const candidate = channelNameCandidate(baseName, attempt);
        const result = await notifier.createChannel(candidate, incident.isPrivate);
        if (result !== 'name_taken') channel = result;
        // An earlier try (ours or the client's own retry) may have created it and lost the answer:
        // take our own channel back rather than leave it orphaned.
        else channel = (await notifier.findOwnChannel(candidate, incident.declaredAt)) ?? undefined;
      }
      if (!channel) throw new DomainError('CHANNEL_NAME_UNAVAILABLE', `no free channel name near #${baseName} after ${maxNameAttempts} tries`);
      const created = channel;
      deps.atomically(() => {
        const stored = deps.incidents.setSlackRefs(incident.id, { channelId: created.id, channelName: created.name, setupError: null });
        const announcements = deps.settings.announcementsChannel ?? deps.config().channels.announcements;
        enqueue(
          deps,
          effect.postCard(stored.id),
          effect.setTopic(stored.id),
          effect.invite(stored.id, [...new Set([stored.reporterId, ...(stored.roles.commander ? [stored.roles.commander] : [])])]),
          ...(announcements && !stored.isPrivate ? [effect.postAnnouncement(stored.id, announcements)] : []),
          effect.inviteExperts(stored.id),
          ...(stored.roles.commander ? [effect.sendChecklist(stored.id, stored.roles.commander, 'commander')] : []),
          ...(typeof job.payload.tellIn === 'string'
            ? [effect.tellPrivately(stored.id, job.payload.tellIn, stored.reporterId, `:rotating_light: ${incidentKey(stored)} declared: <#${created.id}>`)]
            : []),
        );
      });
      deps.log.info({ incidentId: incident.id, incident: incidentKey(incident), channelId: created.id }, 'incident channel ready');
    },

    set_topic: (job) => withChannel(job, (incident) => notifier.setTopic(incident)),
    invite: (job) => withChannel(job, (_incident, channelId) => notifier.inviteUsers(channelId, (job.payload.userIds as string[]) ?? [])),

    post_card: (job) =>
      withChannel(job, async (incident) => {
        const cardTs = incident.cardTs ?? (await notifier.postCard(incident));
        deps.atomically(() => {
          if (!incident.cardTs) deps.incidents.setSlackRefs(incident.id, { cardTs });
          enqueue(deps, effect.pinCard(incident.id));
        });
      }),

    pin_card: (job) =>
      withChannel(job, async (incident, channelId) => {
        if (incident.cardTs) await notifier.pin(channelId, incident.cardTs);
      }),

    post_announcement: (job) =>
      withChannel(job, async (incident) => {
        if (incident.announcementTs) return;
        const channelId = text(job, 'channelId');
        const announcementTs = await notifier.postAnnouncement(channelId, incident);
        deps.incidents.setSlackRefs(incident.id, { announcementChannelId: channelId, announcementTs });
      }),

    invite_experts: async (job) => {
      await inviteExperts(deps, incidentOf(job));
    },

    send_checklist: async (job) => {
      await notifier.sendRoleChecklist(text(job, 'userId'), incidentOf(job), text(job, 'role') as Role);
    },

    refresh_incident: (job) => withChannel(job, (incident) => notifier.refresh(incident)),
    post_line: (job) => withChannel(job, (_incident, channelId) => notifier.postToChannel(channelId, text(job, 'text'))),
    // Posted once: a repeat after the permalink was recorded finds it there and stops.
    post_note: (job) =>
      withChannel(job, async (incident, channelId) => {
        const entry = deps.timeline.list(incident.id).find((candidate) => candidate.id === job.payload.entryId);
        if (!entry || entry.slackTs) return;
        const ts = await notifier.postToChannel(channelId, noteLine(entry));
        deps.timeline.setSource(entry.id, { ts, permalink: notifier.permalink(channelId, ts) });
      }),
    maintenance_notice: (job) => sendMaintenanceNotice(deps, job),
    report_failure: (job) => withChannel(job, (_incident, channelId) => notifier.postToChannel(channelId, text(job, 'text'))),
    tell_privately: async (job) => {
      await notifier.tellPrivately(text(job, 'channelId'), text(job, 'userId'), text(job, 'text'));
    },

    send_update: async (job) => {
      const incident = incidentOf(job);
      const update = deps.updates.listForIncident(incident.id).find((candidate) => candidate.id === job.payload.updateId);
      if (!update) return;
      const { serviceNames: names, changes, first } = job.payload as { serviceNames: string[]; changes: string[]; first: boolean };
      await notifier.sendUpdate(job.payload.audience as Audience, text(job, 'channelId'), incident, { update, serviceNames: names, changes, first });
    },

    executive_summary: async (job) => {
      const incident = incidentOf(job);
      const summary: ExecutiveSummary = {
        reason: job.payload.reason as ExecutiveSummary['reason'],
        serviceNames: serviceNames(deps.config(), incident),
        nextUpdateAt: deps.jobs.pending(`update_due:${incident.id}`)?.dueAt ?? null,
        ...(job.payload.previousSeverity ? { previousSeverity: job.payload.previousSeverity as Severity } : {}),
      };
      await notifier.sendExecutiveSummary(text(job, 'channelId'), incident, summary);
    },

    draft_postmortem: (job) => withChannel(job, () => generatePostmortem(deps, { incidentId: job.incidentId!, actorId: text(job, 'actorId') })),
    similar_incidents: (job) => withChannel(job, (incident) => suggestSimilarIncidents(deps, incident)),

    send_page: async (job) => {
      const escalationId = text(job, 'escalationId');
      const escalation = deps.escalations.findById(escalationId);
      const incident = incidentOf(job);
      if (!escalation || pageEnded(escalation.status) || incidentOver(incident.status)) return;
      const { levelIndex, pass } = job.payload as { levelIndex: number; pass: number };
      if (typeof job.payload.usergroupId === 'string') {
        const members = await notifier.userGroupMembers(job.payload.usergroupId);
        deps.atomically(() => enqueue(deps, ...members.map((userId) => effect.page(incident.id, escalationId, levelIndex, pass, { userId }))));
        return;
      }
      const userId = text(job, 'userId');
      const already = deps.escalations.notifications(escalationId).some((sent) => sent.userId === userId && sent.levelIndex === levelIndex && sent.pass === pass);
      if (already) return;
      const { context } = resolvePolicy(deps.config(), escalation);
      const sent = await notifier.sendPage(userId, incident, { escalationId, about: context.about, runbook: context.runbook, levelIndex, pass, requestedBy: escalation.requestedBy });
      deps.atomically(() => {
        deps.escalations.addNotification({ escalationId, userId, levelIndex, pass, channelId: sent.channelId, ts: sent.ts, sentAt: deps.clock.now() });
        // Acknowledged or ended while this DM was on its way: its buttons must not stay live.
        const now = deps.escalations.findById(escalationId);
        if (now && pageEnded(now.status)) enqueue(deps, effect.closePageDms(incident.id, escalationId, now.status === 'acknowledged' ? `Acknowledged by <@${now.acknowledgedBy}>` : 'This page has ended'));
      });
    },

    close_page_dms: async (job) => {
      const incident = incidentOf(job);
      for (const notification of deps.escalations.notifications(text(job, 'escalationId'))) {
        await notifier.closePage(notification, incident, text(job, 'outcome'));
      }
    },
  };
};
