import type { z } from 'zod';
import { parseDuration } from '../domain/escalation/duration.js';
import type {
  AlertsConfig,
  Duration,
  EscalationPolicy,
  NudgePolicy,
  PostmortemConfig,
  Schedule,
  ServiceConfig,
  SeverityPolicy,
  StatusPageConfig,
  TeamConfig,
} from '../domain/escalation/types.js';
import { severityDescriptions, type Severity } from '../domain/incident/severity.js';
import { defaultCuration } from '../domain/postmortem/types.js';
import { incidentConfigFileSchema, type IncidentConfigFile } from './incident-config-schema.js';
import { toPermissionsConfig } from './permissions-config-schema.js';
import { toBackupsConfig } from './backup-config-schema.js';
import { toSloConfig } from './slo-config-schema.js';

// The configuration the bot runs with is the output of the file's schema: the YAML as written
// (snake_case, most keys optional) turned into camelCase with every default filled in. Its parts are
// typed in domain/ (ServiceConfig, Schedule, …), which reads them; the whole is typed here, once.

/** Types a part as its domain type, checked in full (an assertion would let a missing key through). */
const typed = <T>(value: T): T => value;

const duration = (text: string): Duration => {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`invalid built-in duration ${text}`);
  return parsed;
};

const defaultSeverities = (): Record<Severity, SeverityPolicy> => ({
  SEV1: { id: 'SEV1', description: severityDescriptions.SEV1, page: true, updateEvery: duration('15m'), notifyExecutives: true, notifyStakeholders: true },
  SEV2: { id: 'SEV2', description: severityDescriptions.SEV2, page: true, updateEvery: duration('30m'), notifyExecutives: true, notifyStakeholders: true },
  SEV3: { id: 'SEV3', description: severityDescriptions.SEV3, page: false, updateEvery: duration('1h'), notifyExecutives: false, notifyStakeholders: true },
  SEV4: { id: 'SEV4', description: severityDescriptions.SEV4, page: false, updateEvery: null, notifyExecutives: false, notifyStakeholders: false },
});

/** Customer-facing wording per status; {services}, {time} and {next_update} are filled in. */
export const defaultTemplates = {
  investigating: 'We are investigating problems with {services}. We will post an update by {next_update}.',
  identified: 'We have found the cause of the problems with {services} and are working on a fix. Next update by {next_update}.',
  monitoring: 'A fix for {services} is in place and we are watching the results. Next update by {next_update}.',
  resolved: 'The problems with {services} were resolved at {time}. We are sorry for the disruption.',
} as const;

/** The built-in values of what the file leaves out. */
const builtIn = () => ({
  timezone: 'UTC',
  severities: defaultSeverities(),
  nudges: {
    commanderMissingAfter: duration('5m'),
    updateOverdueAfter: duration('10m'),
    postmortemAfter: duration('3d'),
  },
  statusPage: { name: 'Service status', templates: { ...defaultTemplates } },
  digest: { cron: '0 9 * * 1-5' },
  postmortem: {
    keyReactions: [...defaultCuration.keyReactions],
    typedReactions: { ...defaultCuration.typedReactions },
  },
  drills: { speedup: 60, maxReminders: 3, expireAfter: duration('2h') },
  alerts: typed<AlertsConfig>({
    serviceLabel: 'service',
    sources: [],
    pageSeverities: ['critical'],
    infoSeverities: ['info', 'none'],
    heartbeat: { alertname: 'Watchdog', missingAfterMs: 10 * 60_000, team: null },
    flapping: { windowMs: 10 * 60_000, changes: 4 },
    groupWaitMs: 30_000,
    editIntervalMs: 2_000,
    repeatIntervalMs: 4 * 3_600_000,
    resolveTimeoutMs: 5 * 60_000,
    speedup: 1,
    maintenanceWindows: [],
  }),
});

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter((entry) => entry[1] !== undefined)) as Partial<T>;

const toAlertsConfig = (file: IncidentConfigFile['alerts'], defaults: AlertsConfig): AlertsConfig => ({
  serviceLabel: file?.service_label ?? defaults.serviceLabel,
  sources: (file?.sources ?? []).map((source) => ({ id: source.id, type: source.type, tokenEnv: source.token_env })),
  pageSeverities: file?.page_severities ?? defaults.pageSeverities,
  infoSeverities: file?.info_severities ?? defaults.infoSeverities,
  heartbeat: {
    alertname: file?.heartbeat?.alertname ?? defaults.heartbeat.alertname,
    missingAfterMs: file?.heartbeat?.missing_after ?? defaults.heartbeat.missingAfterMs,
    team: file?.heartbeat?.team ?? null,
  },
  flapping: { windowMs: file?.flapping?.window ?? defaults.flapping.windowMs, changes: file?.flapping?.changes ?? defaults.flapping.changes },
  groupWaitMs: file?.group_wait ?? defaults.groupWaitMs,
  editIntervalMs: file?.edit_interval ?? defaults.editIntervalMs,
  repeatIntervalMs: file?.repeat_interval ?? defaults.repeatIntervalMs,
  resolveTimeoutMs: file?.resolve_timeout ?? defaults.resolveTimeoutMs,
  speedup: file?.speedup ?? defaults.speedup,
  maintenanceWindows: (file?.maintenance_windows ?? []).map((window) => ({
    id: window.id,
    title: window.title ?? window.id,
    services: window.services,
    startsAt: window.starts_at,
    endsAt: window.ends_at,
  })),
});

/** Each severity the file names, over the built-in policy of that severity. */
const toSeverities = (entries: IncidentConfigFile['severities'], severityPolicies: Record<Severity, SeverityPolicy>): Record<Severity, SeverityPolicy> => {
  for (const entry of entries) {
    const current = severityPolicies[entry.id];
    severityPolicies[entry.id] = {
      id: entry.id,
      description: entry.description ?? current.description,
      page: entry.page ?? current.page,
      updateEvery:
        entry.update_every === undefined
          ? current.updateEvery
          : typeof entry.update_every === 'object' && entry.update_every !== null
            ? entry.update_every
            : null,
      notifyExecutives: entry.notify_executives ?? current.notifyExecutives,
      notifyStakeholders: entry.notify_stakeholders ?? current.notifyStakeholders,
    };
  }
  return severityPolicies;
};

/** Services, teams, schedules and escalation policies: who is paged for what. */

const toEscalationPolicy = (policy: IncidentConfigFile['escalation_policies'][number]): EscalationPolicy => ({
  id: policy.id,
  levels: policy.levels,
  repeat: policy.repeat,
  // Keyed as the severity label is matched (case-insensitively), so `Critical` in the file still counts.
  ...(Object.keys(policy.auto_declare).length > 0
    ? { autoDeclare: Object.fromEntries(Object.entries(policy.auto_declare).map(([label, severity]) => [label.toLowerCase(), severity])) }
    : {}),
});

const toCatalog = (file: IncidentConfigFile, timezone: string) => ({
  services: file.services.map((service): ServiceConfig => ({
    id: service.id,
    name: service.name ?? service.id,
    tier: service.tier,
    team: service.team,
    runbook: service.runbook,
    experts: service.experts,
    escalationPolicy: service.escalation_policy,
    description: service.description,
    stakeholderChannels: service.stakeholder_channels,
    alertLabels: service.alert_labels,
    dependsOn: service.depends_on,
  })),
  teams: file.teams.map((team): TeamConfig => ({
    id: team.id,
    name: team.name ?? team.id,
    escalationPolicy: team.escalation_policy,
    alertsChannel: team.alerts_channel,
  })),
  schedules: file.schedules.map((schedule): Schedule => ({
    id: schedule.id,
    name: schedule.name ?? schedule.id,
    timezone: schedule.timezone ?? timezone,
    layers: schedule.layers.map((layer) => ({
      users: layer.users,
      rotation: layer.rotation,
      handoff: layer.handoff,
      ...(layer.restrict ? { restrict: layer.restrict } : {}),
    })),
    overrides: schedule.overrides,
  })),
  escalationPolicies: file.escalation_policies.map(toEscalationPolicy),
});

const toIncidentConfig = (file: IncidentConfigFile) => {
  const defaults = builtIn();
  const timezone = file.timezone ?? defaults.timezone;
  return {
    timezone,
    channels: {
      announcements: file.channels?.announcements ?? null,
      stakeholders: file.channels?.stakeholders ?? [],
      executives: file.channels?.executives ?? null,
    },
    ...toCatalog(file, timezone),
    severities: toSeverities(file.severities, defaults.severities),
    nudges: typed<NudgePolicy>({
      commanderMissingAfter: file.nudges?.commander_missing_after ?? defaults.nudges.commanderMissingAfter,
      updateOverdueAfter: file.nudges?.update_overdue_after ?? defaults.nudges.updateOverdueAfter,
      postmortemAfter: file.nudges?.postmortem_after ?? defaults.nudges.postmortemAfter,
    }),
    statusPage: typed<StatusPageConfig>({
      name: file.status_page?.name ?? defaults.statusPage.name,
      url: file.status_page?.url ?? null,
      templates: { ...defaults.statusPage.templates, ...stripUndefined(file.status_page?.templates ?? {}) },
    }),
    digest: { cron: file.digest?.cron ?? defaults.digest.cron, timezone: file.digest?.timezone ?? timezone },
    postmortem: typed<PostmortemConfig>({
      keyReactions: file.postmortem?.key_reactions.length ? file.postmortem.key_reactions : defaults.postmortem.keyReactions,
      typedReactions: file.postmortem?.typed_reactions ?? defaults.postmortem.typedReactions,
      blamePhrases: file.postmortem?.blame_phrases ?? [],
    }),
    drills: {
      speedup: file.drills?.speedup ?? defaults.drills.speedup,
      maxReminders: file.drills?.max_reminders ?? defaults.drills.maxReminders,
      expireAfter: file.drills?.expire_after ?? defaults.drills.expireAfter,
    },
    alerts: toAlertsConfig(file.alerts, defaults.alerts),
    api: { tokenEnv: file.api?.token_env ?? null },
    ...toSloConfig(file),
    ...toPermissionsConfig(file),
    ...toBackupsConfig(file),
  };
};

/** The configuration file's schema, ending in the configuration the bot runs with. */
export const incidentConfigSchema = incidentConfigFileSchema.transform(toIncidentConfig);

/** The configuration in force: what the schema outputs, and nothing declared beside it. */
export type IncidentConfig = z.output<typeof incidentConfigSchema>;

/** What the bot runs with when there is no configuration file: an empty file's configuration. */
export const defaultIncidentConfig = (): IncidentConfig => incidentConfigSchema.parse({});
