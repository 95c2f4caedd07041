import { jobPriority } from '../ports.js';
import type { AlertJobKind } from '../job-kinds.js';

export type { AlertJobKind };

/** Pages go first; a maintenance summary is news; group edits and sweeps can wait their turn. */
export const alertJobPriority: Record<AlertJobKind, number> = {
  alert_page: jobPriority.page,
  alert_escalate: jobPriority.page,
  alert_heartbeat: jobPriority.page,
  alert_hold_summary: jobPriority.urgent,
  alert_line: jobPriority.urgent,
  // What a silence held and still fires may page once it ends.
  alert_silence_end: jobPriority.page,
  alert_group_sync: jobPriority.cosmetic,
  alert_expiry: jobPriority.background,
};
