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
