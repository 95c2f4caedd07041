import { escalatePage } from '../app/paging/escalate-page.js';
import type { JobKind } from '../app/job-kinds.js';
import type { UseCaseDeps } from '../app/use-case-deps.js';
import { postDigest } from '../app/communication/post-digest.js';
import { remindCommanderMissing, remindPostmortem, remindUpdateDue, remindUpdateOverdue } from '../app/communication/run-reminders.js';
import { announceMaintenancePhase } from '../app/communication/schedule-maintenance.js';
import type { JobHandler } from './scheduler.js';
import { effectHandlers } from '../app/effects/effect-handlers.js';
import { remindFollowUp } from '../app/postmortem/follow-ups.js';
import { syncAlertGroup } from '../app/alerts/sync-alert-group.js';
import { escalateAlertPage, sendAlertPage } from '../app/alerts/page-alert-group.js';
import { expireAlerts } from '../app/alerts/expire-alerts.js';
import { reportMissingHeartbeat } from '../app/alerts/report-missing-heartbeat.js';
import { summarizeHold } from '../app/alerts/summarize-hold.js';
import { endSilence } from '../app/alerts/expire-silence.js';
import { postAlertLine } from '../app/alerts/alert-line.js';
import { runHousekeeping } from '../app/housekeeping.js';

/** Which use case runs each kind of job. */
export const jobHandlers = (deps: UseCaseDeps): Record<JobKind, JobHandler> => ({
  ...effectHandlers(deps),
  escalate: async (job) => {
    await escalatePage(deps, { escalationId: String(job.payload.escalationId) });
  },
  commander_missing: async (job) => remindCommanderMissing(deps, job),
  update_due: async (job) => remindUpdateDue(deps, job),
  update_overdue: async (job) => remindUpdateOverdue(deps, job),
  postmortem_due: async (job) => remindPostmortem(deps, job),
  digest: (job) => postDigest(deps, job),
  maintenance_start: (job) => announceMaintenancePhase('started')(deps, job),
  maintenance_end: (job) => announceMaintenancePhase('completed')(deps, job),
  follow_up_due: (job) => remindFollowUp(deps, job),
  alert_group_sync: (job) => syncAlertGroup(deps, job),
  alert_page: (job) => sendAlertPage(deps, job),
  alert_escalate: async (job) => escalateAlertPage(deps, job),
  alert_expiry: () => expireAlerts(deps),
  alert_heartbeat: async (job) => reportMissingHeartbeat(deps, job),
  alert_hold_summary: async (job) => summarizeHold(deps, job),
  alert_silence_end: (job) => endSilence(deps, job),
  alert_line: (job) => postAlertLine(deps, job),
  housekeeping: () => runHousekeeping(deps),
});
