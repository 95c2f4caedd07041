import { escapeUserText } from '../../domain/communication/slack-text.js';
import { alertSummary, runbookOf, type StoredAlert } from '../../domain/alerts/alert.js';
import { levelRecipients, nextEscalationStep, policyForService, type EscalationPosition } from '../../domain/escalation/escalation.js';
import type { EscalationPolicy } from '../../domain/escalation/types.js';
import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertGroup, AlertPageView } from './alert-ports.js';
import { alertJobPriority } from './alert-jobs.js';
import { alertsChannelFor } from './sync-alert-group.js';
import { jobKeys } from '../job-keys.js';
import { scheduleAlertLine } from './alert-line.js';
import { sentOnce } from '../outbound.js';

type Deps = Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config' | 'noise'>;

export const alertEscalationKey = jobKeys.alertEscalate;

/** A service's policy, else its team's: the same choice `/incident page` makes for a service. */
export const policyFor = (deps: Pick<UseCaseDeps, 'config'>, group: Pick<AlertGroup, 'team' | 'service'>): EscalationPolicy | undefined => {
  const config = deps.config();
  const configured = group.service ? config.services.find((candidate) => candidate.id === group.service) : undefined;
  if (configured) return policyForService(config, configured);
  const policyId = config.teams.find((candidate) => candidate.id === group.team)?.escalationPolicy;
  return policyId ? config.escalationPolicies.find((policy) => policy.id === policyId) : undefined;
};

/** What a page about this alert says; fixed when the decision is made, so every level says the same. */
export const pageViewOf = (deps: Pick<UseCaseDeps, 'config'>, groupId: string, alert: StoredAlert): AlertPageView => ({
  groupId,
  subject: `${alert.service ?? 'unknown service'} · ${alert.alertname}`,
  summary: alertSummary(alert),
  description: alert.annotations.description ?? null,
  runbook: runbookOf(alert) ?? deps.config().services.find((service) => service.id === alert.service)?.runbook ?? null,
  generatorUrl: alert.generatorUrl,
});

/**
 * Pages one level of the owning team's policy, inside the caller's transaction: one durable job per
 * person (a crash neither skips nor repeats a DM: sendDm looks for one a try before sent) and the
 * escalation to the next level when nobody acknowledges within the level's `after`. Alert pages follow the policy's levels and repeats like
 * an incident's, with the alert group as their subject. Returns false when there is no policy.
 */
export const scheduleAlertPages = (deps: Deps, group: AlertGroup, page: AlertPageView, position: EscalationPosition, now: number): boolean => {
  const policy = policyFor(deps, group);
  const level = policy?.levels[position.levelIndex];
  if (!policy || !level) return false;
  const recipients = levelRecipients(level, deps.config().schedules, now);
  const targets = [...recipients.users.map((userId) => ({ userId })), ...recipients.usergroups.map((usergroupId) => ({ usergroupId }))];
  for (const to of targets) {
    const who = 'userId' in to ? to.userId : to.usergroupId;
    deps.jobs.schedule(
      { kind: 'alert_page', priority: alertJobPriority.alert_page, key: jobKeys.alertPage(group.id, position.pass, position.levelIndex, who), dueAt: now, payload: { ...to, page, ...position } },
      now,
    );
    // Who a level paged, for the noise accounting: a group's members are known once it is looked up.
    if ('userId' in to) deps.noise.recordPage({ groupId: group.id, userId: to.userId, team: group.team, service: group.service, ...position }, now);
  }
  // Nobody on call at this level: move on at once rather than wait for an acknowledgement that cannot come.
  const dueAt = targets.length === 0 ? now : now + level.after.ms;
  deps.jobs.schedule(
    { kind: 'alert_escalate', priority: alertJobPriority.alert_escalate, key: alertEscalationKey(group.id), dueAt, payload: { groupId: group.id, page, ...position } },
    now,
  );
  return true;
};

const pageOf = (job: Job): AlertPageView => job.payload.page as AlertPageView;

export type SendAlertPageDeps = Pick<UseCaseDeps, 'alerts' | 'clock' | 'jobs' | 'log' | 'notifier' | 'noise'>;

/** The page is over: someone has it, its alerts stopped, or a silence that holds pages covers it. */
const pageOver = (group: AlertGroup | undefined): boolean => !group || group.acknowledgedAt !== null || group.status === 'resolved' || group.pageHeldBy !== null;

/** One page DM; nothing once the page is over. */
export const sendAlertPage = async (deps: SendAlertPageDeps, job: Job): Promise<void> => {
  const page = pageOf(job);
  const group = deps.alerts.findGroup(page.groupId);
  if (!group || pageOver(group)) return;
  if (typeof job.payload.usergroupId === 'string') {
    const members = await deps.notifier.userGroupMembers(job.payload.usergroupId);
    const now = deps.clock.now();
    deps.alerts.atomically(() => {
      for (const userId of members) {
        deps.jobs.schedule({ kind: 'alert_page', priority: alertJobPriority.alert_page, key: jobKeys.alertPageMember(job.key ?? group.id, userId), dueAt: now, payload: { userId, page } }, now);
        // Jobs written before positions were carried have none: those pages go uncounted.
        if (typeof job.payload.pass === 'number' && typeof job.payload.levelIndex === 'number') {
          deps.noise.recordPage({ groupId: group.id, userId, team: group.team, service: group.service, pass: job.payload.pass, levelIndex: job.payload.levelIndex }, now);
        }
      }
    });
    return;
  }
  await deps.notifier.sendDm(String(job.payload.userId), { kind: 'alert_page', page }, sentOnce(job, job.key ?? `alert_page:${job.id}`));
  deps.log.info({ groupId: group.id, subject: page.subject }, 'alert paged');
};

export type EscalateAlertPageDeps = Pick<UseCaseDeps, 'alerts' | 'clock' | 'config' | 'jobs' | 'notifier' | 'noise'>;

/** The escalation timer: nobody acknowledged, so page the next level, or say loudly that nobody answered. */
export const escalateAlertPage = (deps: EscalateAlertPageDeps, job: Job): void => {
  const page = pageOf(job);
  const group = deps.alerts.findGroup(page.groupId);
  if (!group || pageOver(group)) return;
  const policy = policyFor(deps, group);
  const position = { levelIndex: Number(job.payload.levelIndex), pass: Number(job.payload.pass) };
  const next = policy ? nextEscalationStep(policy, position) : null;
  const now = deps.clock.now();
  deps.alerts.atomically(() => {
    // The level went unanswered: each page it sent counts as ignored, whatever comes next.
    deps.noise.ignoreLevel({ groupId: group.id, ...position }, now);
    if (next) {
      scheduleAlertPages(deps, group, page, next, now);
      return;
    }
    const channel = alertsChannelFor(deps, group.team);
    const text = `:rotating_light: Nobody acknowledged the page for *${escapeUserText(page.subject)}* after ${position.pass + 1} pass(es) through the escalation policy.`;
    if (channel) scheduleAlertLine(deps, channel, text, now);
  });
};
