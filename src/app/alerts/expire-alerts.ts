import { flappingAfter } from '../../domain/alerts/fold.js';
import { touchGroup } from './alert-groups.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { scheduleExpirySweep, type SightingDeps } from './apply-sighting.js';
import { foldedThrough, recheckMs } from './unfolded-backlog.js';

/** How many alerts one sweep resolves; the rest are picked up by the next sweep, due at once. */
const sweepSize = 500;

export type ExpireAlertsDeps = SightingDeps & Pick<UseCaseDeps, 'alertInbox'>;

/**
 * The expiry job: firing alerts not sent again before their endsAt (or resolve_timeout) resolve,
 * as if the sender had sent the resolve (a heartbeat's absence is the heartbeat job's business).
 * An alert whose expiry falls after the oldest batch still waiting to be folded waits for it (its
 * resend may be in it; see unfolded-backlog.ts), the sweep looking again a second later; never
 * more than a minute.
 */
export const expireAlerts = async (deps: ExpireAlertsDeps): Promise<void> => {
  const now = deps.clock.now();
  const config = deps.config();
  const through = foldedThrough(deps, now);
  deps.alerts.atomically(() => {
    const groups = new Set<string>();
    for (const alert of deps.alerts.expired(through, sweepSize)) {
      const { changes } = flappingAfter(alert.changes, true, now, config.alerts);
      deps.alerts.save({ ...alert, status: 'resolved', resolvedAt: now, changes }, alert);
      if (alert.groupId) groups.add(alert.groupId);
    }
    for (const groupId of groups) touchGroup(deps, groupId, now);
    scheduleExpirySweep(deps, now, through < now ? now + recheckMs : now);
  });
};
