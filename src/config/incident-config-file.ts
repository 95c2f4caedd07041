import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { parseDuration } from '../domain/escalation/duration.js';
import type { AlertsConfig, Duration, IncidentConfig, SeverityPolicy } from '../domain/escalation/types.js';
import { severityDescriptions, type Severity } from '../domain/incident/severity.js';
import { ConfigError } from './env.js';
import { defaultCuration } from '../domain/postmortem/types.js';
import { crossReferenceProblems, type Problem } from './incident-config-references.js';
import { incidentConfigFileSchema, type IncidentConfigFile } from './incident-config-schema.js';

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

/** What the bot runs with when there is no configuration file. */
export const defaultIncidentConfig = (): IncidentConfig => ({
  timezone: 'UTC',
  channels: { announcements: null, stakeholders: [], executives: null },
  services: [],
  teams: [],
  schedules: [],
  escalationPolicies: [],
  severities: defaultSeverities(),
  nudges: {
    commanderMissingAfter: duration('5m'),
    updateOverdueAfter: duration('10m'),
    postmortemAfter: duration('3d'),
  },
  statusPage: { name: 'Service status', url: null, templates: { ...defaultTemplates } },
  digest: { cron: '0 9 * * 1-5', timezone: 'UTC' },
  postmortem: {
    keyReactions: [...defaultCuration.keyReactions],
    typedReactions: { ...defaultCuration.typedReactions },
    blamePhrases: [],
  },
  drills: { speedup: 60, maxReminders: 3, expireAfter: duration('2h') },
  alerts: {
    serviceLabel: 'service',
    sources: [],
    pageSeverities: ['critical'],
    infoSeverities: ['info', 'none'],
    heartbeat: { alertname: 'Watchdog', missingAfterMs: 10 * 60_000, team: null },
    flapping: { windowMs: 10 * 60_000, changes: 4 },
    groupWaitMs: 30_000,
    repeatIntervalMs: 4 * 3_600_000,
    resolveTimeoutMs: 5 * 60_000,
    speedup: 1,
    maintenanceWindows: [],
  },
  api: { tokenEnv: null },
});

/** `services[0].escalation_policy`, `schedules[1].layers[0].rotation` */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

const issueProblems = (issue: z.core.$ZodIssue): Problem[] => {
  if (issue.code === 'unrecognized_keys') {
    const messages = issue.message.split('\n');
    return issue.keys.map((key, index) => ({ path: [...issue.path, key], message: messages[index] ?? 'unknown key' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path: issue.path, message: 'is required' }];
  return [{ path: issue.path, message: issue.message.replace(/^Invalid input: /, '') }];
};

const refuse = (source: string, lines: string[]): never => {
  throw new ConfigError(`Invalid incident configuration in ${source}:\n${lines.map((line) => `  ${line}`).join('\n')}`);
};

const refuseProblems = (source: string, problems: Problem[]): never =>
  refuse(
    source,
    problems.map((problem) => `${formatPath(problem.path) || '(top level)'}: ${problem.message}`),
  );

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

/** The built-in policies, each field replaced where the file sets it (`update_every: null` turns updates off). */
const toEscalationPolicy = (policy: IncidentConfigFile['escalation_policies'][number]) => ({
  id: policy.id,
  levels: policy.levels,
  repeat: policy.repeat,
  // Keyed as the severity label is matched (case-insensitively), so `Critical` in the file still counts.
  ...(Object.keys(policy.auto_declare).length > 0
    ? { autoDeclare: Object.fromEntries(Object.entries(policy.auto_declare).map(([label, severity]) => [label.toLowerCase(), severity])) }
    : {}),
});

const toSeverityPolicies = (entries: IncidentConfigFile['severities'], policies: Record<Severity, SeverityPolicy>): Record<Severity, SeverityPolicy> => {
  for (const entry of entries) {
    const current = policies[entry.id];
    policies[entry.id] = {
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
  return policies;
};

const toServices = (services: IncidentConfigFile['services']): IncidentConfig['services'] =>
  services.map((service) => ({
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
  }));

/** A schedule without a time zone of its own follows the file's. */
const toSchedules = (schedules: IncidentConfigFile['schedules'], timezone: string): IncidentConfig['schedules'] =>
  schedules.map((schedule) => ({
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
  }));

const toIncidentConfig = (file: IncidentConfigFile): IncidentConfig => {
  const defaults = defaultIncidentConfig();
  const timezone = file.timezone ?? defaults.timezone;
  return {
    timezone,
    channels: {
      announcements: file.channels?.announcements ?? null,
      stakeholders: file.channels?.stakeholders ?? [],
      executives: file.channels?.executives ?? null,
    },
    services: toServices(file.services),
    teams: file.teams.map((team) => ({
      id: team.id,
      name: team.name ?? team.id,
      escalationPolicy: team.escalation_policy,
      alertsChannel: team.alerts_channel,
    })),
    schedules: toSchedules(file.schedules, timezone),
    escalationPolicies: file.escalation_policies.map(toEscalationPolicy),
    severities: toSeverityPolicies(file.severities, defaults.severities),
    nudges: {
      commanderMissingAfter: file.nudges?.commander_missing_after ?? defaults.nudges.commanderMissingAfter,
      updateOverdueAfter: file.nudges?.update_overdue_after ?? defaults.nudges.updateOverdueAfter,
      postmortemAfter: file.nudges?.postmortem_after ?? defaults.nudges.postmortemAfter,
    },
    statusPage: {
      name: file.status_page?.name ?? defaults.statusPage.name,
      url: file.status_page?.url ?? null,
      templates: { ...defaults.statusPage.templates, ...stripUndefined(file.status_page?.templates ?? {}) },
    },
    digest: { cron: file.digest?.cron ?? defaults.digest.cron, timezone: file.digest?.timezone ?? timezone },
    postmortem: {
      keyReactions: file.postmortem?.key_reactions.length ? file.postmortem.key_reactions : defaults.postmortem.keyReactions,
      typedReactions: file.postmortem?.typed_reactions ?? defaults.postmortem.typedReactions,
      blamePhrases: file.postmortem?.blame_phrases ?? [],
    },
    drills: {
      speedup: file.drills?.speedup ?? defaults.drills.speedup,
      maxReminders: file.drills?.max_reminders ?? defaults.drills.maxReminders,
      expireAfter: file.drills?.expire_after ?? defaults.drills.expireAfter,
    },
    alerts: toAlertsConfig(file.alerts, defaults.alerts),
    api: { tokenEnv: file.api?.token_env ?? null },
  };
};

/**
 * Parses the YAML configuration. Throws a ConfigError listing every problem, one per line with its
 * path (`schedules[0].layers[0].rotation: …`), or the line and column of a YAML syntax error.
 */
export const parseIncidentConfig = (yamlText: string, source = 'config'): IncidentConfig => {
  const document = parseDocument(yamlText, { prettyErrors: true });
  if (document.errors.length > 0) {
    return refuse(
      source,
      document.errors.map((error) => {
        const where = error.linePos?.[0];
        const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
        return where ? `line ${where.line}, column ${where.col}: ${message}` : message;
      }),
    );
  }
  const raw: unknown = document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return refuse(source, ['(top level): must be a mapping of settings such as timezone, services, schedules']);
  }
  const parsed = incidentConfigFileSchema.safeParse(raw, { reportInput: true });
  const problems = [...(parsed.error?.issues.flatMap(issueProblems) ?? []), ...crossReferenceProblems(raw)];
  if (!parsed.success || problems.length > 0) return refuseProblems(source, problems);
  return toIncidentConfig(parsed.data);
};

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
 * Reads and parses the configuration file. Without a path, or when the file is missing and not
 * required, the bot runs with `defaultIncidentConfig()`; a missing required file is a ConfigError.
 */
export const loadIncidentConfig = (path: string | undefined, options: { required: boolean }): IncidentConfig => {
  if (path === undefined) return defaultIncidentConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) {
      if (!options.required) return defaultIncidentConfig();
      throw new ConfigError(`Invalid incident configuration: ${path}: file not found`);
    }
    throw new ConfigError(`Invalid incident configuration: ${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseIncidentConfig(text, path);
};
