import { escalatePage } from '../app/paging/escalate-page.js';
import type { JobKind } from '../app/job-kinds.js';
import type { UseCaseDeps } from '../app/use-case-deps.js';
import { postDigest } from '../app/communication/post-digest.js';
import { remindCommanderMissing, remindPostmortem, remindUpdateDue, remindUpdateOverdue } from '../app/communication/run-reminders.js';
import { announceMaintenancePhase } from '../app/communication/schedule-maintenance.js';
import type { JobHandler } from './scheduler.js';
import type { Job } from '../app/ports.js';
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
import { takeBackup } from '../app/backups/take-backup.js';
import { evaluateSlos } from '../app/slo/evaluate-slos.js';

/** Which use case runs each kind of job. */
export const jobHandlers = (deps: UseCaseDeps): Record<JobKind, JobHandler> => {
  /**
   * A timer whose work is one database transaction: its job is marked done in that transaction, so
   * a process killed after the commit does not run it again (a second escalation would page the
   * next level without waiting, a second summary would say it twice).
   */
  const doneWith =
    (run: (job: Job) => unknown): JobHandler =>
    async (job) =>
      deps.atomically(() => {
        run(job);
        deps.jobs.complete(job.id, deps.clock.now());
      });
  return {
    ...effectHandlers(deps),
    escalate: doneWith((job) => escalatePage(deps, { escalationId: String(job.payload.escalationId) })),
    commander_missing: doneWith((job) => remindCommanderMissing(deps, job)),
    update_due: doneWith((job) => remindUpdateDue(deps, job)),
    update_overdue: doneWith((job) => remindUpdateOverdue(deps, job)),
    postmortem_due: doneWith((job) => remindPostmortem(deps, job)),
    digest: (job) => postDigest(deps, job),
    maintenance_start: (job) => announceMaintenancePhase('started')(deps, job),
    maintenance_end: (job) => announceMaintenancePhase('completed')(deps, job),
    follow_up_due: (job) => remindFollowUp(deps, job),
    alert_group_sync: (job) => syncAlertGroup(deps, job),
    alert_page: (job) => sendAlertPage(deps, job),
    alert_escalate: doneWith((job) => escalateAlertPage(deps, job)),
    alert_expiry: () => expireAlerts(deps),
    alert_heartbeat: doneWith((job) => reportMissingHeartbeat(deps, job)),
    alert_hold_summary: doneWith((job) => summarizeHold(deps, job)),
    alert_silence_end: (job) => endSilence(deps, job),
    alert_line: (job) => postAlertLine(deps, job),
    housekeeping: () => runHousekeeping(deps),
    slo_evaluation: (job) => evaluateSlos(deps, job),
    // Started, not awaited: the copy runs on its own thread for as long as it takes (take-backup.ts).
    backup: async () => {
      void takeBackup(deps);
    },
  };
};
