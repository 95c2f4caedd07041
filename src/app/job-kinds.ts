/**
 * Every kind of durable job, defined once. The strings are stored in the jobs table: a kind is never
 * renamed (jobs already written under it must still run after an upgrade), only added.
 */

/** Incident timers: reminders, escalations, maintenance phases, the digest. */
export const timerKinds = [
  'escalate',
  'commander_missing',
  'update_due',
  'update_overdue',
  'postmortem_due',
  'digest',
  'maintenance_start',
  'maintenance_end',
  'follow_up_due',
] as const;

/** The alert pipeline's own jobs: timers and Slack work that belong to no incident. */
export const alertJobKinds = ['alert_group_sync', 'alert_page', 'alert_escalate', 'alert_expiry', 'alert_heartbeat', 'alert_hold_summary', 'alert_silence_end', 'alert_line'] as const;

/** Effects: what a committed change still has to do in Slack (app/effects/). */
export const effectKinds = [
  'send_page',
  'close_page_dms',
  'create_channel',
  'set_topic',
  'invite',
  'post_card',
  'pin_card',
  'post_announcement',
  'send_checklist',
  'invite_experts',
  'refresh_incident',
  'post_line',
  'post_note',
  'maintenance_notice',
  'tell_privately',
  'send_update',
  'executive_summary',
  'draft_postmortem',
  'similar_incidents',
  'report_failure',
  'update_reminder',
] as const;

export const jobKinds = [...timerKinds, ...alertJobKinds, ...effectKinds, 'housekeeping', 'slo_evaluation', 'backup'] as const;

export type JobKind = (typeof jobKinds)[number];
export type AlertJobKind = (typeof alertJobKinds)[number];
export type EffectKind = (typeof effectKinds)[number];
