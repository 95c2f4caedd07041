import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { alertJobPriority } from './alert-jobs.js';
import { sentOnce } from '../outbound.js';

/**
 * A line the alert pipeline decided to say in a team's alerts channel (a maintenance summary,
 * a missing heartbeat nobody can be paged for, a page nobody answered), written as a durable job in
 * the transaction that decided it: a failed post is retried on its own, and deciding is never
 * done twice for it. `text` is already escaped.
 */
export const scheduleAlertLine = (deps: Pick<UseCaseDeps, 'jobs'>, channelId: string, text: string, now: number): void => {
  deps.jobs.schedule({ kind: 'alert_line', priority: alertJobPriority.alert_line, dueAt: now, payload: { channelId, text } }, now);
};

export const postAlertLine = async (deps: Pick<UseCaseDeps, 'notifier'>, job: Job): Promise<void> => {
  await deps.notifier.post(String(job.payload.channelId), { kind: 'line', text: String(job.payload.text) }, sentOnce(job));
};
