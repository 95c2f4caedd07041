import { alertTiming } from '../../domain/alerts/fold.js';
import type { Job, UseCaseDeps } from '../ports.js';
import { pageAlertSubject } from './page-alert-group.js';
import { alertsChannelFor } from './sync-alert-group.js';

/**
 * The heartbeat job, due missing_after after the last heartbeat (each heartbeat moves it): its
 * absence means the monitoring pipeline is broken, which silence would otherwise hide.
 */
export const reportMissingHeartbeat = async (deps: UseCaseDeps, job: Job): Promise<void> => {
  const config = deps.config();
  const { alertname, missingAfterMs, team } = config.alerts.heartbeat;
  const lastSeenAt = Number(job.payload.lastSeenAt);
  const silentFor = Math.round((deps.clock.now() - lastSeenAt) / 60_000);
  const summary = `No ${alertname} heartbeat for ${silentFor} min (expected at least every ${Math.round(alertTiming(config.alerts, missingAfterMs) / 1000)} s): alerts may not be reaching anyone.`;
  const paged = team ? await pageAlertSubject(deps, { team, service: null, subject: `monitoring · ${alertname} missing`, summary, groupId: null }) : 0;
  if (paged > 0) return;
  const channel = alertsChannelFor(deps, team);
  if (channel) await deps.notifier.postToChannel(channel, `:warning: ${summary}`);
};
