import { escapeUserText } from '../../domain/communication/slack-text.js';
import type { Job } from '../ports.js';
import { redecide, type SightingDeps } from './apply-sighting.js';
import { alertsChannelFor } from './sync-alert-group.js';
import { scheduleAlertLine } from './alert-line.js';
import type { StoredAlert } from '../../domain/alerts/alert.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { waitForBacklog } from './unfolded-backlog.js';

const top = (counts: Map<string, number>, limit: number): string =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');

export type SummarizeHoldDeps = SightingDeps & Pick<UseCaseDeps, 'alertInbox'>;

/**
 * The end of a maintenance window that held alerts: one message per owning team saying what was
 * held, and whatever still fires is decided afresh, as if it had just arrived. The messages are
 * jobs written with the new decisions, so a failed post is retried alone and says what was true
 * when the window ended. It waits until what arrived before now is folded (a resolve may wait in the
 * inbox; unfolded-backlog.ts).
 */
export const summarizeHold = (deps: SummarizeHoldDeps, job: Job): void =>
  deps.alerts.atomically(() => {
    const windowId = String(job.payload.windowId);
    const now = deps.clock.now();
    if (waitForBacklog(deps, job, now)) return;
    const held = deps.alerts.heldBy(windowId);
    const stillFiring = held.filter((alert) => alert.status === 'firing' && alert.holdId === windowId);
    redecide(deps, stillFiring, now, windowId);
    for (const channel of ownersChannels(deps, job)) scheduleAlertLine(deps, channel, summaryText(job, windowId, held, stillFiring.length), now);
  });

/** The alerts channels of the teams owning the window's services. */
const ownersChannels = (deps: SummarizeHoldDeps, job: Job): Set<string> => {
  const config = deps.config();
  const services = Array.isArray(job.payload.services) ? job.payload.services.map(String) : [];
  const teams = new Set(services.map((id) => config.services.find((service) => service.id === id)?.team ?? null));
  return new Set([...teams].map((team) => alertsChannelFor(deps, team)).filter((channel): channel is string => channel !== null));
};

const summaryText = (job: Job, windowId: string, held: StoredAlert[], stillFiring: number): string => {
  const names = new Map<string, number>();
  for (const alert of held) {
    const name = `${alert.service ?? 'no service'} · ${alert.alertname}`;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  // The title comes from a change-management tool or the configuration, the names from alert
  // labels: shown as written, never as a live @channel or mention.
  return (
    `:construction: Maintenance *${escapeUserText(typeof job.payload.title === 'string' ? job.payload.title : windowId)}* ended. It held ${held.length} alert(s) ` +
    `(${held.reduce((sum, alert) => sum + alert.receivedCount, 0)} notifications from monitoring); ${stillFiring} still firing, now handled as new. ` +
    `Most held: ${escapeUserText(top(names, 5))}.`
  );
};
