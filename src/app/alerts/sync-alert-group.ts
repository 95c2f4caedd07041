import type { Job, UseCaseDeps } from '../ports.js';
import type { AlertGroup, AlertGroupView } from './alert-ports.js';

/** The channel of the group's team, else the announcements channel. */
export const alertsChannelFor = (deps: Pick<UseCaseDeps, 'config' | 'settings'>, team: string | null): string | null => {
  const config = deps.config();
  const configured = team ? config.teams.find((candidate) => candidate.id === team)?.alertsChannel : null;
  return configured ?? config.channels.announcements ?? deps.settings.announcementsChannel ?? null;
};

export const groupView = (deps: Pick<UseCaseDeps, 'alerts' | 'config'>, group: AlertGroup): AlertGroupView => {
  const members = deps.alerts.inGroup(group.id);
  const ordered = [...members].sort((a, b) => (a.status === b.status ? b.lastSeenAt - a.lastSeenAt : a.status === 'firing' ? -1 : 1));
  const service = group.service ? deps.config().services.find((candidate) => candidate.id === group.service) : undefined;
  return {
    group,
    serviceName: service?.name ?? group.service,
    lead: members.find((alert) => alert.disposition === 'paged') ?? members[0] ?? null,
    alerts: ordered,
    firing: members.filter((alert) => alert.status === 'firing').length,
    resolved: members.filter((alert) => alert.status === 'resolved').length,
    received: members.reduce((sum, alert) => sum + alert.receivedCount, 0),
  };
};

/**
 * The group sync job: post the group's message the first time, edit it in place every time after.
 * Safe to repeat: it renders the group as it is now.
 */
export const syncAlertGroup = async (deps: UseCaseDeps, job: Job): Promise<void> => {
  const group = deps.alerts.findGroup(String(job.payload.groupId));
  if (!group) return;
  const view = groupView(deps, group);
  if (group.channelId && group.ts) {
    await deps.notifier.updateAlertGroup(group.channelId, group.ts, view);
    return;
  }
  const channelId = alertsChannelFor(deps, group.team);
  if (!channelId) return;
  const ts = await deps.notifier.postAlertGroup(channelId, view);
  // The group may have changed while posting; only the message's address is written back.
  const current = deps.alerts.findGroup(group.id) ?? group;
  deps.alerts.saveGroup({ ...current, channelId, ts });
};
