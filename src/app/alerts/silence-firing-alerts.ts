import type { StoredAlert } from '../../domain/alerts/alert.js';
import { silenceFor, type Silence } from '../../domain/alerts/silence.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { scheduleGroupSync } from './alert-groups.js';
import type { AlertGroup } from './alert-ports.js';
import { alertEscalationKey } from './page-alert-group.js';

type Deps = Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config'>;

/**
 * Whether a new silence changes a critical group's open page. Only when its creator ticked "I know
 * this holds pages" and it covers every alert still firing in the group: a silence made to quiet one
 * noisy alert must not stop the page about another, and a page nobody meant to hold is never held.
 * An acknowledged page has stopped already; its alerts are simply marked.
 */
const holdsOpenPage = (silence: Silence, group: AlertGroup, matched: number, firing: number): boolean =>
  group.acknowledgedAt !== null || (silence.holdsPages && matched === firing);

/**
 * Inside the silence's creation: alerts already on the message of an open group that the silence
 * matches are silenced now, not only those that arrive later. Their group's message is edited (never
 * posted anew) to show them silenced. A critical group's page stops escalating only as
 * `holdsOpenPage` says; the people already paged were paged. What the silence holds is decided
 * afresh when it ends (expire-silence.ts): still firing, a held page pages again from its first level.
 */
export const silenceFiringAlerts = (deps: Deps, silence: Silence, now: number): { alerts: number; pagesHeld: number } => {
  const config = deps.config();
  const byGroup = new Map<string, StoredAlert[]>();
  for (const alert of deps.alerts.firingInOpenGroups()) {
    if (!alert.groupId || alert.disposition === 'silenced' || !silenceFor(config, alert, [silence], now)) continue;
    byGroup.set(alert.groupId, [...(byGroup.get(alert.groupId) ?? []), alert]);
  }
  let alerts = 0;
  let pagesHeld = 0;
  for (const [groupId, matched] of byGroup) {
    const group = deps.alerts.findGroup(groupId);
    if (!group) continue;
    let changed = group;
    if (group.kind === 'critical') {
      if (!holdsOpenPage(silence, group, matched.length, deps.alerts.countFiring(group.id))) continue;
      if (group.acknowledgedAt === null) {
        changed = { ...group, pageHeldBy: silence.id };
        deps.jobs.cancel(alertEscalationKey(group.id), now);
        pagesHeld += 1;
      }
    }
    for (const alert of matched) {
      deps.alerts.save({ ...alert, disposition: 'silenced', holdId: silence.id }, alert);
      deps.alerts.recordHold(silence.id, alert.fingerprint, now);
    }
    alerts += matched.length;
    changed = { ...changed, lastChangeAt: now };
    deps.alerts.saveGroup(changed);
    scheduleGroupSync(deps, changed, now);
  }
  return { alerts, pagesHeld };
};
