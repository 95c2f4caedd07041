import type { Silence } from '../../domain/alerts/silence.js';
import { DomainError } from '../../domain/errors.js';
import type { Job } from '../ports.js';
import { redecide, type SightingDeps } from './apply-sighting.js';
import { silenceEndKey } from './silence-alerts.js';
import { requirePermission } from '../permissions/require-permission.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { waitForBacklog } from './unfolded-backlog.js';

// All of them: a released critical may page, and its page may declare an incident.
type Deps = SightingDeps;

/**
 * Inside a transaction: whatever the silence held that still fires is decided afresh, as if it had
 * just arrived (notified, or paged), with the jobs that implies. Doing it twice does nothing more:
 * a re-decided alert is no longer held by this silence.
 */
const releaseHeld = (deps: Deps, silenceId: string, now: number): void => {
  const held = deps.alerts.heldBy(silenceId).filter((alert) => alert.status === 'firing' && alert.holdId === silenceId && alert.disposition === 'silenced');
  redecide(deps, held, now);
};

/** Expire (the list's button): the silence ends now, and what it held is released in the same transaction. */
export const expireSilence = (deps: Deps & Pick<UseCaseDeps, 'userGroups' | 'log'>, input: { silenceId: string; actorId: string }): Silence => {
  requirePermission(deps, 'silence', input.actorId);
  const now = deps.clock.now();
  return deps.alerts.atomically(() => {
    const silence = deps.alerts.findSilence(input.silenceId);
    if (!silence) throw new DomainError('INVALID_INPUT', 'That silence no longer exists.');
    if (silence.expiredAt !== null || silence.endsAt <= now) return silence;
    const expired = { ...silence, expiredAt: now };
    deps.alerts.saveSilence(expired);
    deps.jobs.cancel(silenceEndKey(silence.id), now);
    releaseHeld(deps, silence.id, now);
    return expired;
  });
};

/**
 * The silence's end job: it ran out on its own. What it held is judged once what arrived before now
 * is folded (a resolve may wait in the inbox; unfolded-backlog.ts).
 */
export const endSilence = async (deps: Deps & Pick<UseCaseDeps, 'alertInbox'>, job: Job): Promise<void> => {
  const silenceId = String(job.payload.silenceId);
  const now = deps.clock.now();
  deps.alerts.atomically(() => {
    if (!waitForBacklog(deps, job, now)) releaseHeld(deps, silenceId, now);
  });
};
