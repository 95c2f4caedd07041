import type { MaintenancePhase } from './communication/ports.js';

/**
 * Every job key, built in one place. A key names the one pending job for its subject: scheduling
 * again under the same key replaces the pending job, and cancelling by key finds it. Keys are stored
 * with the jobs, so an existing key's text never changes (pending jobs must still be found after an
 * upgrade); add new builders instead.
 */
export const jobKeys = {
  // Incident effects (app/effects/effect-jobs.ts)
  createChannel: (incidentId: string) => `create_channel:${incidentId}`,
  setTopic: (incidentId: string) => `set_topic:${incidentId}`,
  postCard: (incidentId: string) => `post_card:${incidentId}`,
  pinCard: (incidentId: string) => `pin_card:${incidentId}`,
  postAnnouncement: (incidentId: string) => `post_announcement:${incidentId}`,
  inviteExperts: (incidentId: string) => `invite_experts:${incidentId}`,
  refresh: (incidentId: string) => `refresh:${incidentId}`,
  postNote: (entryId: string) => `post_note:${entryId}`,
  maintenanceNotice: (maintenanceId: string, phase: MaintenancePhase, channelId: string) => `maintenance_notice:${maintenanceId}:${phase}:${channelId}`,
  draftPostmortem: (incidentId: string) => `draft_postmortem:${incidentId}`,
  /** One page DM per person (or user group), level and pass. */
  page: (escalationId: string, pass: number, levelIndex: number, to: string) => `page:${escalationId}:${pass}:${levelIndex}:${to}`,
  closePages: (escalationId: string) => `close_pages:${escalationId}`,

  // Incident timers
  escalate: (escalationId: string) => `escalate:${escalationId}`,
  commanderMissing: (incidentId: string) => `commander_missing:${incidentId}`,
  updateDue: (incidentId: string) => `update_due:${incidentId}`,
  updateOverdue: (incidentId: string) => `update_overdue:${incidentId}`,
  postmortemDue: (incidentId: string) => `postmortem_due:${incidentId}`,
  followUpDue: (followUpId: string) => `follow_up_due:${followUpId}`,
  maintenanceStart: (maintenanceId: string) => `maintenance_start:${maintenanceId}`,
  maintenanceEnd: (maintenanceId: string) => `maintenance_end:${maintenanceId}`,
  digest: 'digest',
  housekeeping: 'housekeeping',
  backup: 'backup',
  sloEvaluation: 'slo_evaluation',

  // The alert pipeline
  alertHeartbeat: 'alerts:heartbeat',
  alertExpiry: 'alerts:expiry',
  alertHoldSummary: (windowId: string) => `alert_hold_summary:${windowId}`,
  alertSilenceEnd: (silenceId: string) => `alert_silence_end:${silenceId}`,
  alertGroupSync: (groupId: string) => `alert_group:${groupId}`,
  alertEscalate: (groupId: string) => `alert_escalate:${groupId}`,
  /** One alert page per person (or user group), level and pass. */
  alertPage: (groupId: string, pass: number, levelIndex: number, to: string) => `alert_page:${groupId}:${pass}:${levelIndex}:${to}`,
  /** A user group's page, one per member: under the group's key (or the group id when it had none). */
  alertPageMember: (groupKey: string, userId: string) => `${groupKey}:${userId}`,
} as const;
