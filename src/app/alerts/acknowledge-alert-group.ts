import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { scheduleGroupSync } from './alert-groups.js';
import type { AlertGroup } from './alert-ports.js';
import { alertEscalationKey } from './page-alert-group.js';

export type AcknowledgeAlertGroupDeps = Pick<UseCaseDeps, 'alerts' | 'clock' | 'config' | 'jobs' | 'log' | 'noise'>;

/**
 * Acknowledge on a critical alert's card or page: someone has it. A page not yet sent is cancelled
 * and the card says who took it.
 */
export const acknowledgeAlertGroup = (deps: AcknowledgeAlertGroupDeps, input: { groupId: string; userId: string }): AlertGroup => {
  const group = deps.alerts.findGroup(input.groupId);
  if (!group) throw new DomainError('INVALID_INPUT', 'That alert no longer exists.');
  if (group.acknowledgedBy) throw new DomainError('SAME_VALUE', `<@${group.acknowledgedBy}> already acknowledged this alert.`);
  const now = deps.clock.now();
  const acknowledged: AlertGroup = { ...group, acknowledgedBy: input.userId, acknowledgedAt: now, lastChangeAt: now };
  deps.alerts.atomically(() => {
    deps.alerts.saveGroup(acknowledged);
    // Pages not yet sent check the acknowledgement themselves; the next level is called off here.
    deps.jobs.cancel(alertEscalationKey(group.id), now);
    // Only criticals page: who takes one is what the accounting credits.
    if (group.kind === 'critical') deps.noise.acknowledgePages(group.id, input.userId, group, now);
    scheduleGroupSync(deps, acknowledged, now);
  });
  deps.log.info({ groupId: group.id, userId: input.userId }, 'alert acknowledged');
  return acknowledged;
};
