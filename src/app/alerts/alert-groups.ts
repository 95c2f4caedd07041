import { alertTiming } from '../../domain/alerts/fold.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertGroup } from './alert-ports.js';
import { alertJobPriority } from './alert-jobs.js';
import { jobKeys } from '../job-keys.js';
import { recordGroupResolved, type AlertTimelineDeps } from './alert-timeline.js';

export const groupSyncKey = jobKeys.alertGroupSync;

type Deps = Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config'>;

/**
 * Makes the group's Slack message catch up. One pending job per group however many alerts join:
 * it renders whatever the group is when it runs. A new warning group waits group_wait to gather
 * its alerts before posting; criticals go at once. What alerts change is edited at most once per
 * edit_interval (`spaced`); what a person did (acknowledge, declare, silence) shows at once.
 */
export const scheduleGroupSync = (deps: Deps, group: AlertGroup, now: number, { spaced = false } = {}): void => {
  const key = groupSyncKey(group.id);
  const alerts = deps.config().alerts;
  const wait = group.ts === null && group.kind !== 'critical' ? alertTiming(alerts, alerts.groupWaitMs) : 0;
  const nextEdit = spaced && group.editedAt !== null ? group.editedAt + alertTiming(alerts, alerts.editIntervalMs) : 0;
  const dueAt = Math.max(now, group.openedAt + wait, nextEdit);
  const pending = deps.jobs.pending(key);
  if (pending && pending.dueAt <= dueAt) return;
  deps.jobs.schedule({ kind: 'alert_group_sync', priority: alertJobPriority.alert_group_sync, key, dueAt, payload: { groupId: group.id } }, now);
};

/**
 * The group an alert joins: the open one under its key, or the last one reopened when it resolved
 * within repeat_interval (so its message is edited rather than posted again), or a new one.
 */
export const joinGroup = (deps: Deps, key: Pick<AlertGroup, 'kind' | 'team' | 'service' | 'alertname'>, now: number): AlertGroup => {
  const latest = deps.alerts.latestGroup(key);
  const repeatInterval = alertTiming(deps.config().alerts, deps.config().alerts.repeatIntervalMs);
  if (latest?.status === 'open') return latest;
  if (latest && now - (latest.resolvedAt ?? latest.lastChangeAt) < repeatInterval) {
    const reopened: AlertGroup = { ...latest, status: 'open', resolvedAt: null, lastChangeAt: now };
    deps.alerts.saveGroup(reopened);
    return reopened;
  }
  return deps.alerts.createGroup(newGroup(key, now));
};

/** A group with no message yet, open from now. */
export const newGroup = (key: Pick<AlertGroup, 'kind' | 'team' | 'service' | 'alertname'>, now: number): Omit<AlertGroup, 'id'> => ({
  ...key,
  channelId: null,
  ts: null,
  status: 'open',
  openedAt: now,
  lastChangeAt: now,
  resolvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  incidentId: null,
  pageHeldBy: null,
  editedAt: null,
});

/**
 * Something in the group changed: resolve it when nothing in it fires any more (its incident's
 * timeline says so), and re-render. A critical group is over when its criticals are: a warning
 * attached to it must not keep it open, or the next critical would attach instead of paging (the
 * warning, sent again, then joins a warning group of its own).
 */
export const touchGroup = (deps: AlertTimelineDeps, groupId: string, now: number): AlertGroup | undefined => {
  const group = deps.alerts.findGroup(groupId);
  if (!group) return undefined;
  const touched: AlertGroup =
    group.status === 'open' && !deps.alerts.anyFiring(groupId, group.kind === 'critical' ? 'critical' : undefined)
      ? { ...group, status: 'resolved', resolvedAt: now, lastChangeAt: now }
      : { ...group, lastChangeAt: now };
  deps.alerts.saveGroup(touched);
  if (touched.status === 'resolved' && group.status === 'open') recordGroupResolved(deps, touched, now);
  scheduleGroupSync(deps, touched, now, { spaced: true });
  return touched;
};
