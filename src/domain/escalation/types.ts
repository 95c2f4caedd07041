import type { Severity } from '../incident/severity.js';

/**
 * A length of time as written in the config (`30s`, `5m`, `1h`, `1d`, `1w`). Whole days and weeks
 * are kept as calendar days so a weekly 09:00 handoff stays at 09:00 local time across DST changes.
 */
export interface Duration {
  text: string;
  ms: number;
  /** Set when the duration is a whole number of days (`1d`, `2w` → 14); null for `12h`, `30m` … */
  calendarDays: number | null;
}

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** On call only on these days, between these local times (`to` before `from` spans midnight). */
export interface Restriction {
  days: Weekday[];
  /** "HH:MM", schedule time zone */
  from: string;
  /** "HH:MM", schedule time zone; exclusive */
  to: string;
}

export interface ScheduleLayer {
  users: string[];
  rotation: Duration;
  /** Start of the first turn, local date-time in the schedule's zone, e.g. "2026-01-05T09:00" */
  handoff: string;
  restrict?: Restriction;
}

export interface ScheduleOverride {
  user: string;
  /** UTC ms, inclusive */
  from: number;
  /** UTC ms, exclusive */
  to: number;
}

export interface Schedule {
  id: string;
  name: string;
  /** IANA zone, e.g. America/New_York */
  timezone: string;
  /** In priority order: the first layer with someone on call at an instant decides who it is. */
  layers: ScheduleLayer[];
  /** Overrides beat every layer. */
  overrides: ScheduleOverride[];
}

export type EscalationTarget =
  | { kind: 'schedule'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'usergroup'; id: string };

export interface EscalationLevel {
  targets: EscalationTarget[];
  /** How long to wait for an acknowledgement after paging this level before paging the next. */
  after: Duration;
}

export interface EscalationPolicy {
  id: string;
  levels: EscalationLevel[];
  /** How many more times the whole policy runs after the first pass when nobody acknowledges. */
  repeat: number;
  /**
   * Alert severity label value (one of alerts.page_severities) → incident severity: a critical alert
   * group this policy pages for declares the incident at once, without waiting for a person.
   */
  autoDeclare?: Record<string, Severity>;
}

export interface ServiceConfig {
  id: string;
  name: string;
  /** 1 = business critical */
  tier: number;
  team: string | null;
  runbook: string | null;
  experts: string[];
  /** Overrides the team's policy when set. */
  escalationPolicy: string | null;
  /** Shown under the component on the public status page. */
  description: string | null;
  /** Stakeholder channels for this service, in addition to channels.stakeholders. */
  stakeholderChannels: string[];
  /** Alerts carrying all of these labels belong to this service too (e.g. db_cluster: mysql-primary). */
  alertLabels: Record<string, string>;
  /** Ids of the services this one needs to work. */
  dependsOn: string[];
}

export interface TeamConfig {
  id: string;
  name: string;
  escalationPolicy: string | null;
  /** Where the team's grouped alert messages go; null = the announcements channel. */
  alertsChannel: string | null;
}

export interface SeverityPolicy {
  id: Severity;
  description: string;
  /** Declaring at this severity pages the services' escalation policies. */
  page: boolean;
  /** Status update cadence; null = no update reminders. */
  updateEvery: Duration | null;
  notifyExecutives: boolean;
  /** Updates at this severity also go to the stakeholder channels. */
  notifyStakeholders: boolean;
}

export interface NudgePolicy {
  /** Nudge the channel when an incident has no commander this long after declaration. */
  commanderMissingAfter: Duration;
  /** After an update reminder, how long until the louder reminder in the channel. */
  updateOverdueAfter: Duration;
  /** Remind about the postmortem when an incident stays resolved (not closed) this long. */
  postmortemAfter: Duration;
}

/**
 * The parts of the configuration the domain reads to route alerts and find services, people and
 * policies. The whole configuration's type is the output of its schema (config/incident-config.ts);
 * it has these parts, so it is passed as it is.
 */
export interface ServiceCatalog {
  services: ServiceConfig[];
  teams: TeamConfig[];
  escalationPolicies: EscalationPolicy[];
  alerts: AlertsConfig;
}

export const alertSourceTypes = ['prometheus', 'alertmanager', 'grafana', 'pagerduty', 'generic'] as const;
export type AlertSourceType = (typeof alertSourceTypes)[number];

export interface AlertSource {
  id: string;
  type: AlertSourceType;
  /** The environment variable holding this source's secret (never the secret itself). */
  tokenEnv: string;
}

/** A maintenance window written in the configuration file (e.g. a weekly patch night). */
export interface ConfiguredMaintenance {
  id: string;
  title: string;
  services: string[];
  startsAt: number;
  endsAt: number;
}

/** Alert timings are plain milliseconds, before `speedup` divides them. */
export interface AlertsConfig {
  serviceLabel: string;
  sources: AlertSource[];
  /** Values of the `severity` label that page; everything else that is not info is a warning. */
  pageSeverities: string[];
  /** Values of the `severity` label that are recorded and never notified. */
  infoSeverities: string[];
  heartbeat: { alertname: string; missingAfterMs: number; team: string | null };
  flapping: { windowMs: number; changes: number };
  groupWaitMs: number;
  /** The least time between two edits of one group's Slack message (chat.update is rate limited). */
  editIntervalMs: number;
  repeatIntervalMs: number;
  resolveTimeoutMs: number;
  speedup: number;
  maintenanceWindows: ConfiguredMaintenance[];
}

export const publicStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type PublicStatus = (typeof publicStatuses)[number];

export interface PostmortemConfig {
  /** Reactions that mark a key event (pinning always does). */
  keyReactions: string[];
  /** Reaction name → timeline section. */
  typedReactions: Record<string, 'observation' | 'hypothesis' | 'action' | 'decision'>;
  /** Extra phrases the blameless-language check flags, besides the built-in ones. */
  blamePhrases: string[];
}

export interface StatusPageConfig {
  name: string;
  /** Public URL of the page, for links and the Atom feed; null = the bot's own /status. */
  url: string | null;
  /** Customer message templates per status; placeholders {services}, {time}, {next_update}. */
  templates: Record<PublicStatus, string>;
}
