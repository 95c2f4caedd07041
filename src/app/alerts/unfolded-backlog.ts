import type { Job } from '../ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * Absence is judged on what has been folded. In a flood, alerts accepted a few seconds ago may still
 * wait in the inbox (see scheduler/inbox-folder.ts), among them the resend that keeps an alert
 * firing or the heartbeat that shows monitoring is alive. The jobs that judge absence wait for them,
 * looking again every `recheckMs`, but never more than `patienceMs`: if folding itself is stuck, a
 * missing heartbeat must still page.
 */
export const recheckMs = 1_000;
export const patienceMs = 60_000;

type Deps = Pick<UseCaseDeps, 'alertInbox'>;

/**
 * For a job that judges what still fires (or has stopped) at its time: while a batch that arrived
 * by now waits to be folded, and the job is less than `patienceMs` past its first time, the same job
 * is written again a second later and true returned (the caller does nothing now).
 */
export const waitForBacklog = (deps: Deps & Pick<UseCaseDeps, 'jobs'>, job: Job, now: number): boolean => {
  const dueAt = Number(job.payload.firstDueAt ?? job.dueAt);
  if (!foldingBehind(deps, now) || now >= dueAt + patienceMs) return false;
  const { kind, key, incidentId, priority, lane, actorId } = job;
  deps.jobs.schedule(
    { kind, priority, dueAt: now + recheckMs, payload: { ...job.payload, firstDueAt: dueAt }, ...(key ? { key } : {}), ...(incidentId ? { incidentId } : {}), ...(lane ? { lane } : {}), ...(actorId ? { actorId } : {}) },
    now,
  );
  return true;
};

/** Whether a batch that arrived by `now` still waits to be folded. */
export const foldingBehind = (deps: Deps, now: number): boolean => {
  const oldest = deps.alertInbox.oldestWaiting();
  return oldest !== undefined && oldest <= now;
};

/** Up to when what has been folded tells all that arrived: just before the oldest batch still waiting, or now; at most `patienceMs` behind. */
export const foldedThrough = (deps: Deps, now: number): number => {
  const oldest = deps.alertInbox.oldestWaiting();
  return oldest === undefined || oldest > now ? now : Math.max(oldest - 1, now - patienceMs);
};
