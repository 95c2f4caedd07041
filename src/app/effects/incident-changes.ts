import type { Incident } from '../../domain/incident/incident.js';
import { activeStatuses } from '../../domain/incident/status.js';
import { timerMs } from '../../domain/incident/drills.js';
import { audiencesFor } from '../communication/audiences.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { scheduleUpdateReminder } from '../communication/reminders.js';
import { stopPaging } from '../paging/stop-paging.js';
import { effect, enqueue, type EffectJob } from './effect-jobs.js';
import { jobKeys } from '../job-keys.js';

const isActive = (incident: Incident) => activeStatuses.includes(incident.status);

export type AfterChangeDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'jobs'>;

/**
 * What a change to an incident triggers, in one place. Called inside the transaction that stores the
 * change, so the decision, the ended pages and every Slack effect are committed together:
 * - always: the card, topic and announcement are refreshed;
 * - severity changed: the executive summary (when the policy asks), the update cadence follows;
 * - resolved: pages stop (no page can follow a resolve), executives hear, the postmortem is drafted
 *   and its reminder set;
 * - cancelled or closed: pages stop and every timer of the incident is cancelled;
 * - reopened: the postmortem reminder is withdrawn and update reminders start again.
 */
export const afterChange = (deps: AfterChangeDeps, before: Incident, after: Incident): void => {
  const now = deps.clock.now();
  const config = deps.config();
  const { executives } = audiencesFor(config, after);
  const jobs: EffectJob[] = [effect.refresh(after.id)];
  if (after.severity !== before.severity && executives) {
    jobs.push(effect.executiveSummary(after.id, executives, 'severity_changed', before.severity));
  }
  if (after.status === 'resolved' && before.status !== 'resolved') {
    stopPaging(deps, after, 'The incident was resolved');
    if (executives) jobs.push(effect.executiveSummary(after.id, executives, 'resolved'));
    jobs.push(effect.draftPostmortem(after.id, after.roles.commander ?? after.reporterId));
    deps.jobs.schedule(
      {
        kind: 'postmortem_due',
        key: jobKeys.postmortemDue(after.id),
        incidentId: after.id,
        dueAt: now + timerMs(after, config.nudges.postmortemAfter.ms, config.drills.speedup),
      },
      now,
    );
  }
  if (after.status === 'cancelled' || after.status === 'closed') {
    stopPaging(deps, after, `The incident was ${after.status}`);
    deps.jobs.cancelForIncident(after.id, ['update_due', 'update_overdue', 'commander_missing', 'postmortem_due'], now);
    enqueue(deps, ...jobs);
    return;
  }
  if (isActive(after) && before.status === 'resolved') deps.jobs.cancel(jobKeys.postmortemDue(after.id), now);
  const updated = after.latestUpdate?.at !== before.latestUpdate?.at;
  const cadenceChanged = after.severity !== before.severity;
  const activityChanged = isActive(after) !== isActive(before);
  if (updated || cadenceChanged || activityChanged) scheduleUpdateReminder(deps, after, updated ? after.latestUpdate?.at : undefined);
  enqueue(deps, ...jobs);
};
