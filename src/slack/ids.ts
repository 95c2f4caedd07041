/** Every callback_id, action_id and block_id the bot renders or listens for, in one place. */
export const actionIds = {
  retryChannel: 'incident_retry_channel',
  updateStatus: 'incident_update_status',
  changeSeverity: 'incident_change_severity',
  assignRole: 'incident_assign_role',
  postUpdate: 'incident_post_update',
  resolve: 'incident_resolve',
  join: 'incident_join',
  declare: 'incident_declare',
  page: 'incident_page',
  acknowledgePage: 'page_acknowledge',
  escalateNow: 'page_escalate_now',
  reminderPostUpdate: 'reminder_post_update',
  snoozeReminder: 'reminder_snooze',
  addFollowUp: 'follow_up_add',
  completeFollowUp: 'follow_up_done',
  confirmClose: 'incident_confirm_close',
  cancelMaintenance: 'maintenance_cancel',
  acknowledgeAlert: 'alert_acknowledge',
  declareFromAlert: 'alert_declare',
  silenceAlert: 'alert_silence',
  expireSilence: 'silence_expire',
} as const;

export const viewIds = {
  declare: 'incident_declare_modal',
  status: 'incident_status_modal',
  severity: 'incident_severity_modal',
  role: 'incident_role_modal',
  update: 'incident_update_modal',
  page: 'incident_page_modal',
  maintenance: 'maintenance_modal',
  followUp: 'follow_up_modal',
  addToTimeline: 'add_to_timeline_modal',
  silence: 'alert_silence_modal',
} as const;

/** Input blocks: block_id and action_id are the same string, which keeps view state lookups plain. */
export const inputIds = {
  title: 'title',
  severity: 'severity',
  summary: 'summary',
  impact: 'impact',
  services: 'services',
  commander: 'commander',
  visibility: 'visibility',
  status: 'status',
  reason: 'reason',
  role: 'role',
  user: 'user',
  update: 'update',
  pageService: 'page_service',
  nextSteps: 'next_steps',
  nextUpdate: 'next_update',
  customerMessage: 'customer_message',
  useTemplate: 'use_template',
  maintenanceTitle: 'maintenance_title',
  followUpText: 'follow_up_text',
  followUpOwner: 'follow_up_owner',
  followUpDue: 'follow_up_due',
  followUpBlocking: 'follow_up_blocking',
  comment: 'comment',
  maintenanceServices: 'maintenance_services',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  maintenanceMessage: 'maintenance_message',
  pageUser: 'page_user',
  silenceMatchers: 'silence_matchers',
  silenceDuration: 'silence_duration',
  silenceReason: 'silence_reason',
  silenceHoldsPages: 'silence_holds_pages',
} as const;

export const blockIds = {
  cardActions: 'incident_card_actions',
  announcementActions: 'incident_announcement_actions',
  homeActions: 'home_actions',
  pageActions: 'page_actions',
  reminderActions: 'reminder_actions',
  alertGroupActions: 'alert_group_actions',
  alertPageActions: 'alert_page_actions',
} as const;

/** Shortcuts declared in manifest.yml. */
export const shortcutIds = {
  addToTimeline: 'add_to_timeline',
} as const;
