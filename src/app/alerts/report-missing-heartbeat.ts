import { escapeUserText } from '../../domain/communication/slack-text.js';
import { alertTiming } from '../../domain/alerts/fold.js';
import type { AlertsConfig } from '../../domain/escalation/types.js';
import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { newGroup, scheduleGroupSync } from './alert-groups.js';
import type { AlertGroup } from './alert-ports.js';
import { scheduleAlertPages } from './page-alert-group.js';
import { scheduleAlertLine } from './alert-line.js';
import { alertsChannelFor } from './sync-alert-group.js';
import { waitForBacklog } from './unfolded-backlog.js';

/** The alert group a missing heartbeat opens: the monitoring pipeline itself, owned by heartbeat.team. */
export const heartbeatGroupKey = (alerts: AlertsConfig): Pick<AlertGroup, 'kind' | 'team' | 'service' | 'alertname'> => ({
  kind: 'critical',
  team: alerts.heartbeat.team,
  service: 'monitoring',
  alertname: `${alerts.heartbeat.alertname} missing`,
});

export type ReportMissingHeartbeatDeps = Pick<UseCaseDeps, 'alerts' | 'alertInbox' | 'clock' | 'config' | 'jobs' | 'notifier' | 'noise'>;

/**
 * The heartbeat job, due missing_after after the last heartbeat (each heartbeat moves it): its
 * absence means the monitoring pipeline is broken, which silence would otherwise hide. It opens a
 * critical alert group and pages the heartbeat team's policy like any critical; the next heartbeat
 * resolves it. A team with no policy is told in its alerts channel instead. While batches that
 * arrived before now wait to be folded, one of them may hold the heartbeat: the job looks again a
 * second later (at most a minute past its time; unfolded-backlog.ts).
 */
export const reportMissingHeartbeat = (deps: ReportMissingHeartbeatDeps, job: Job): void => {
  const config = deps.config();
  const { alertname, missingAfterMs, team } = config.alerts.heartbeat;
  const now = deps.clock.now();
  if (waitForBacklog(deps, job, now)) return;
  const silentFor = Math.round((now - Number(job.payload.lastSeenAt)) / 60_000);
  const summary = `No ${alertname} heartbeat for ${silentFor} min (expected at least every ${Math.round(alertTiming(config.alerts, missingAfterMs) / 1000)} s): alerts may not be reaching anyone.`;
  const key = heartbeatGroupKey(config.alerts);
  deps.alerts.atomically(() => {
    if (deps.alerts.latestGroup(key)?.status === 'open') return;
    const group = deps.alerts.createGroup(newGroup(key, now));
    const page = { groupId: group.id, subject: `monitoring · ${alertname} missing`, summary, description: null, runbook: null, generatorUrl: null };
    if (scheduleAlertPages(deps, group, page, { levelIndex: 0, pass: 0 }, now)) {
      scheduleGroupSync(deps, group, now);
      return;
    }
    // Nobody to page: said in the team's channel, by a job of its own written with the group.
    const channel = alertsChannelFor(deps, team);
    if (channel) scheduleAlertLine(deps, channel, `:warning: ${escapeUserText(summary)}`, now);
  });
};
