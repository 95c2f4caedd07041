import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { durationHint, parseDuration } from '../domain/escalation/duration.js';
import { alertSourceTypes, weekdays, type EscalationTarget } from '../domain/escalation/types.js';
import { parseSeverity, severities } from '../domain/incident/severity.js';
import { cronProblem } from '../domain/communication/cron-schedule.js';
import { envName, id, list, optionalId, strict, text } from './schema-parts.js';
import { permissionsSection } from './permissions-config-schema.js';
import { sloSections } from './slo-config-schema.js';
import { backupsSection } from './backup-config-schema.js';

// The YAML file as written (snake_case); incident-config-file.ts turns it into an IncidentConfig.

const userHint = 'must be a Slack user id such as U0123ABCD';
const userId = z.string({ error: userHint }).regex(/^[UW][A-Z0-9]{2,}$/, userHint);
const channelHint = 'must be a Slack channel id such as C0123ABCD';
const channelId = z.string({ error: channelHint }).regex(/^[CG][A-Z0-9]{2,}$/, channelHint);

const zoneHint = 'must be an IANA time zone such as UTC, Europe/London or America/New_York';
const timezone = z.string({ error: zoneHint }).refine((zone) => IANAZone.isValidZone(zone), zoneHint);

export const duration = z.string({ error: durationHint }).transform((value, context) => {
  const parsed = parseDuration(value);
  if (!parsed) context.addIssue({ code: 'custom', message: durationHint, input: value });
  return parsed ?? z.NEVER;
});

const handoffHint = 'must be a local date-time such as 2026-01-05T09:00 (no offset: the schedule time zone applies)';
const handoff = z
  .string({ error: handoffHint })
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid,
    handoffHint,
  );

const clockHint = 'must be a time of day HH:MM such as 09:00';
const clockTime = z.string({ error: clockHint }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, clockHint);

const instantHint = 'must be a date-time with an offset such as 2026-11-27T00:00:00Z or 2026-11-27T09:00:00+01:00';
const instant = z
  .string({ error: instantHint })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, instantHint)
  .transform((value, context) => {
    const parsed = DateTime.fromISO(value, { setZone: true });
    if (!parsed.isValid) context.addIssue({ code: 'custom', message: instantHint, input: value });
    return parsed.isValid ? parsed.toMillis() : z.NEVER;
  });

const targetHint = 'must be schedule:<schedule id>, user:<U…> or usergroup:<S…>';
const target = z.string({ error: targetHint }).transform((value, context): EscalationTarget => {
  const [kind, ...rest] = value.split(':');
  const targetId = rest.join(':');
  if (kind === 'schedule' && id.safeParse(targetId).success) return { kind, id: targetId };
  if (kind === 'user' && userId.safeParse(targetId).success) return { kind, id: targetId };
  if (kind === 'usergroup' && /^S[A-Z0-9]{2,}$/.test(targetId)) return { kind, id: targetId };
  context.addIssue({ code: 'custom', message: targetHint, input: value });
  return z.NEVER;
});

const weekday = z.enum(weekdays, { error: `must be one of ${weekdays.join(', ')}` });

const restrictionFile = strict({
  days: z
    .array(weekday, { error: 'must be a list of days such as [mon, tue, wed, thu, fri]' })
    .min(1, 'must name at least one day')
    .optional()
    .transform((days) => (days ? [...new Set(days)] : [...weekdays])),
  from: clockTime,
  to: clockTime,
});

const layerFile = strict({
  users: z.array(userId, { error: 'must be a list of Slack user ids' }).min(1, 'must name at least one person'),
  rotation: duration,
  handoff,
  restrict: restrictionFile.optional(),
});

const overrideFile = strict({ user: userId, from: instant, to: instant }).superRefine((value, context) => {
  if (value.from >= value.to) context.addIssue({ code: 'custom', path: ['to'], message: 'must be after from', input: value.to });
});

const scheduleFile = strict({
  id,
  name: text.optional(),
  timezone: timezone.optional(),
  layers: z.array(layerFile, { error: 'must be a list of layers' }).min(1, 'must have at least one layer'),
  overrides: list(overrideFile),
});

const levelFile = strict({
  targets: z.array(target, { error: 'must be a list of targets' }).min(1, 'must name at least one target'),
  after: duration,
});

const autoDeclareHint = 'must map alert severities to incident severities, such as { critical: SEV1 }';
const incidentSeverity = z.string({ error: autoDeclareHint }).transform((value, context) => {
  const severity = parseSeverity(value);
  if (!severity) context.addIssue({ code: 'custom', message: `must be an incident severity: ${severities.join(', ')}`, input: value });
  return severity ?? z.NEVER;
});
/** `auto_declare: { critical: SEV1 }`: alert severity label value → the severity of the incident it declares. */
const autoDeclare = z.record(z.string(), incidentSeverity, { error: autoDeclareHint }).nullish().transform((value) => value ?? {});

const policyFile = strict({
  id,
  levels: z.array(levelFile, { error: 'must be a list of levels' }).min(1, 'must have at least one level'),
  repeat: z.int({ error: 'must be a whole number, 0 or more' }).min(0, 'must be a whole number, 0 or more').default(0),
  auto_declare: autoDeclare,
});

const labelHint = 'must be a mapping of label names to values such as { db_cluster: mysql-primary }';
const labelSelector = z
  .record(
    z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'label names are letters, digits and _ (not starting with a digit)'),
    z.union([z.string(), z.number(), z.boolean()], { error: labelHint }).transform(String),
    { error: labelHint },
  )
  .nullish()
  .transform((labels) => labels ?? {});

const serviceFile = strict({
  id,
  name: text.optional(),
  tier: z.int({ error: 'must be a whole number, 1 or more' }).min(1, 'must be a whole number, 1 or more').default(3),
  team: optionalId,
  runbook: z.url({ error: 'must be a URL such as https://runbooks.example.com/payments' }).nullish().transform((value) => value ?? null),
  experts: list(userId),
  escalation_policy: optionalId,
  description: text.nullish().transform((value) => value ?? null),
  stakeholder_channels: list(channelId),
  alert_labels: labelSelector,
  depends_on: list(id),
});

const teamFile = strict({ id, name: text.optional(), escalation_policy: optionalId, alerts_channel: channelId.nullish().transform((value) => value ?? null) });

const updateEvery = z.union([z.literal('off'), z.literal(false), z.null(), duration], {
  error: `${durationHint}, or off`,
});

const severityFile = strict({
  id: z.enum(severities, { error: `must be one of ${severities.join(', ')}` }),
  description: text.optional(),
  page: z.boolean({ error: 'must be true or false' }).optional(),
  update_every: updateEvery.optional(),
  notify_executives: z.boolean({ error: 'must be true or false' }).optional(),
  notify_stakeholders: z.boolean({ error: 'must be true or false' }).optional(),
});

const nudgesFile = strict({
  commander_missing_after: duration.optional(),
  update_overdue_after: duration.optional(),
  postmortem_after: duration.optional(),
});

const channelsFile = strict({
  announcements: channelId.nullish(),
  stakeholders: list(channelId),
  executives: channelId.nullish(),
});

const cronHint = 'must be a cron expression such as "0 9 * * 1-5" or "0 9 * * MON" (minute hour day month weekday)';
// The same function the scheduler uses decides, so config:check and the running bot never disagree.
const cronExpression = z.string({ error: cronHint }).superRefine((value, context) => {
  const problem = cronProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `${cronHint}; ${JSON.stringify(value)} ${problem.replace(/^(Validation|Constraint) error, /, '')}` });
});

const statusPageFile = strict({
  name: text.optional(),
  url: z.url({ error: 'must be a URL such as https://status.example.com' }).nullish(),
  templates: strict({
    investigating: text.optional(),
    identified: text.optional(),
    monitoring: text.optional(),
    resolved: text.optional(),
  }).nullish(),
});

const reactionName = z.string({ error: 'must be a reaction name such as pushpin' }).regex(/^[a-z0-9_+'-]+$/, 'must be a reaction name such as pushpin (no colons)');
const postmortemFile = strict({
  key_reactions: list(reactionName),
  typed_reactions: z
    .record(reactionName, z.enum(['observation', 'hypothesis', 'action', 'decision'], { error: 'must be observation, hypothesis, action or decision' }))
    .nullish(),
  blame_phrases: list(text),
});

const digestFile = strict({ cron: cronExpression.optional(), timezone: timezone.optional() });

const alertDurationHint = 'must be a duration such as 500ms, 30s, 5m or 4h';
/** Alert timings also take milliseconds, for replays and drills that compress hours into seconds. */
const alertDuration = z.string({ error: alertDurationHint }).transform((value, context) => {
  const millis = /^(\d{1,9})ms$/.exec(value.trim());
  const ms = millis ? Number(millis[1]) : parseDuration(value)?.ms;
  if (!ms) context.addIssue({ code: 'custom', message: alertDurationHint, input: value });
  return ms || z.NEVER;
});


const alertSourceFile = strict({
  id,
  type: z.enum(alertSourceTypes, { error: `must be one of ${alertSourceTypes.join(', ')}` }),
  token_env: envName,
});

const configuredWindowFile = strict({
  id,
  title: text.optional(),
  services: z.array(id, { error: 'must be a list of service ids' }).min(1, 'must name at least one service'),
  starts_at: instant,
  ends_at: instant,
}).superRefine((value, context) => {
  if (value.starts_at >= value.ends_at) context.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be after starts_at', input: value.ends_at });
});

const labelValue = z.string({ error: 'must be a label value such as critical' }).min(1, 'must not be empty');
const alertsFile = strict({
  service_label: z.string({ error: 'must be a label name such as service' }).regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name such as service').optional(),
  sources: list(alertSourceFile),
  page_severities: z.array(labelValue, { error: 'must be a list such as [critical]' }).min(1, 'must name at least one severity').optional(),
  info_severities: z.array(labelValue, { error: 'must be a list such as [info, none]' }).optional(),
  heartbeat: strict({ alertname: text.optional(), missing_after: alertDuration.optional(), team: optionalId }).nullish(),
  flapping: strict({
    window: alertDuration.optional(),
    changes: z.int({ error: 'must be a whole number, 2 or more' }).min(2, 'must be a whole number, 2 or more').optional(),
  }).nullish(),
  group_wait: alertDuration.optional(),
  edit_interval: alertDuration.optional(),
  repeat_interval: alertDuration.optional(),
  resolve_timeout: alertDuration.optional(),
  speedup: z.number({ error: 'must be a number from 1 to 100000' }).min(1, 'must be a number from 1 to 100000').max(100_000, 'must be a number from 1 to 100000').optional(),
  maintenance_windows: list(configuredWindowFile),
});

export const incidentConfigFileSchema = strict({
  timezone: timezone.optional(),
  channels: channelsFile.nullish(),
  services: list(serviceFile),
  teams: list(teamFile),
  schedules: list(scheduleFile),
  escalation_policies: list(policyFile),
  severities: list(severityFile),
  nudges: nudgesFile.nullish(),
  status_page: statusPageFile.nullish(),
  digest: digestFile.nullish(),
  postmortem: postmortemFile.nullish(),
  drills: strict({
    speedup: z.number({ error: 'must be a number from 1 to 3600' }).min(1, 'must be a number from 1 to 3600').max(3600, 'must be a number from 1 to 3600').optional(),
    max_reminders: z.number({ error: 'must be a whole number from 0 to 100' }).int('must be a whole number from 0 to 100').min(0, 'must be a whole number from 0 to 100').max(100, 'must be a whole number from 0 to 100').optional(),
    expire_after: duration.optional(),
  }).nullish(),
  alerts: alertsFile.nullish(),
  api: strict({ token_env: envName.nullish() }).nullish(),
  ...sloSections,
  ...permissionsSection,
  ...backupsSection,
});

export type IncidentConfigFile = z.infer<typeof incidentConfigFileSchema>;
