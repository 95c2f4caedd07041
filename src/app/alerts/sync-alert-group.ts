import { incidentKey } from '../../domain/incident/incident.js';
import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertGroup, AlertGroupView } from './alert-ports.js';
import { sentOnce } from '../outbound.js';

/** The channel of the group's team, else the announcements channel. */
export const alertsChannelFor = (deps: Pick<UseCaseDeps, 'config'>, team: string | null): string | null => {
  const config = deps.config();
  const configured = team ? config.teams.find((candidate) => candidate.id === team)?.alertsChannel : null;
  return configured ?? config.channels.announcements ?? null;
};

/** How many of a group's alerts its message lists. */
const shownAlerts = 8;

export const groupView = (deps: Pick<UseCaseDeps, 'alerts' | 'config' | 'incidents'>, group: AlertGroup): AlertGroupView => {
  const summary = deps.alerts.groupSummary(group.id, shownAlerts);
  const service = group.service ? deps.config().services.find((candidate) => candidate.id === group.service) : undefined;
  const incident = group.incidentId ? deps.incidents.findById(group.incidentId) : undefined;
  const holding = group.pageHeldBy ? deps.alerts.findSilence(group.pageHeldBy) : undefined;
  return {
    group,
    serviceName: service?.name ?? group.service,
    lead: summary.lead,
    alerts: summary.shown,
    firing: summary.firing,
    silenced: summary.silenced,
    incident: incident ? { key: incidentKey(incident), channelId: incident.channelId } : null,
    pageHeldUntil: holding ? (holding.expiredAt ?? holding.endsAt) : null,
    resolved: summary.resolved,
    received: summary.received,
  };
};

/**
 * The group may have changed while Slack answered: only what the message says about itself (its
 * address, when it was edited) is written back onto the group as it is now.
 */
const edited = (deps: SyncAlertGroupDeps, group: AlertGroup, message: Partial<Pick<AlertGroup, 'channelId' | 'ts'>>): void => {
  const current = deps.alerts.findGroup(group.id) ?? group;
  deps.alerts.saveGroup({ ...current, ...message, editedAt: deps.clock.now() });
};

export type SyncAlertGroupDeps = Pick<UseCaseDeps, 'alerts' | 'config' | 'notifier' | 'incidents' | 'clock'>;

/**
 * The group sync job: post the group's message the first time, edit it in place every time after.
 * Safe to repeat: it renders the group as it is now. A warning group that resolved before its
 * message was posted (its alerts fired and resolved within group_wait) posts nothing: there is nobody
 * to tell, as Alertmanager sends no resolve for a group it never notified. (A flapping group's
 * message is the summary of the flapping: it is posted whatever became of it.)
 */
export const syncAlertGroup = async (deps: SyncAlertGroupDeps, job: Job): Promise<void> => {
  const group = deps.alerts.findGroup(String(job.payload.groupId));
  if (!group || (group.kind === 'warning' && group.ts === null && group.status === 'resolved')) return;
  const view = groupView(deps, group);
  if (group.channelId && group.ts) {
    await deps.notifier.update({ channelId: group.channelId, ts: group.ts }, { kind: 'alert_group', view });
    edited(deps, group, {});
    return;
  }
  const channelId = alertsChannelFor(deps, group.team);
  if (!channelId) return;
  const ts = await deps.notifier.post(channelId, { kind: 'alert_group', view }, sentOnce(job, `alert_group:${group.id}`));
  edited(deps, group, { channelId, ts });
};
