import { checkAlertSecrets } from '../../src/config/alert-secrets.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/check-config.js';
import { ConfigError } from '../../src/config/env.js';
import { loadIncidentConfig, parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { defaultIncidentConfig } from '../../src/config/incident-config.js';
import { onCallAt } from '../../src/domain/escalation/schedule.js';
import type { SeverityPolicy } from '../../src/domain/escalation/types.js';
import type { IncidentConfig } from '../../src/config/incident-config.js';

const minutes = (n: number) => ({ text: `${n}m`, ms: n * 60_000, calendarDays: null });

const builtInSeverities: IncidentConfig['severities'] = {
  SEV1: { id: 'SEV1', description: 'Critical: customers broadly affected, revenue or data at risk', page: true, updateEvery: minutes(15), notifyExecutives: true, notifyStakeholders: true },
  SEV2: { id: 'SEV2', description: 'Major: a key feature is down or badly degraded for many customers', page: true, updateEvery: minutes(30), notifyExecutives: true, notifyStakeholders: true },
  SEV3: { id: 'SEV3', description: 'Minor: limited impact, a workaround exists', page: false, updateEvery: { text: '1h', ms: 3_600_000, calendarDays: null }, notifyExecutives: false, notifyStakeholders: true },
  SEV4: { id: 'SEV4', description: 'Low: no customer impact yet, needs attention', page: false, updateEvery: null, notifyExecutives: false, notifyStakeholders: false },
};

const builtInDefaults: IncidentConfig = {
  timezone: 'UTC',
  channels: { announcements: null, stakeholders: [], executives: null },
  services: [],
  teams: [],
  schedules: [],
  escalationPolicies: [],
  severities: builtInSeverities,
  nudges: {
    commanderMissingAfter: minutes(5),
    updateOverdueAfter: minutes(10),
    postmortemAfter: { text: '3d', ms: 3 * 86_400_000, calendarDays: 3 },
  },
  statusPage: {
    name: 'Service status',
    url: null,
    templates: {
      investigating: 'We are investigating problems with {services}. We will post an update by {next_update}.',
      identified: 'We have found the cause of the problems with {services} and are working on a fix. Next update by {next_update}.',
      monitoring: 'A fix for {services} is in place and we are watching the results. Next update by {next_update}.',
      resolved: 'The problems with {services} were resolved at {time}. We are sorry for the disruption.',
    },
  },
  digest: { cron: '0 9 * * 1-5', timezone: 'UTC' },
  postmortem: {
    keyReactions: ['pushpin'],
    typedReactions: { bulb: 'observation', thinking_face: 'hypothesis', white_check_mark: 'action', scales: 'decision' },
    blamePhrases: [],
  },
  drills: { speedup: 60, maxReminders: 3, expireAfter: { text: '2h', ms: 7_200_000, calendarDays: null } },
  alerts: {
    serviceLabel: 'service',
    sources: [],
    pageSeverities: ['critical'],
    infoSeverities: ['info', 'none'],
    heartbeat: { alertname: 'Watchdog', missingAfterMs: 600_000, team: null },
    flapping: { windowMs: 600_000, changes: 4 },
    groupWaitMs: 30_000,
    editIntervalMs: 2_000,
    repeatIntervalMs: 14_400_000,
    resolveTimeoutMs: 300_000,
    speedup: 1,
    maintenanceWindows: [],
  },
  api: { tokenEnv: null },
  prometheus: null,
  slos: [],
  permissions: { admins: [], actions: {} },
  backups: null,
};

const briefExample = `
timezone: Europe/London
channels: { announcements: C0123, stakeholders: [C0456], executives: C0789 }
services:
  - id: payments
    name: Payments API
    tier: 1
    team: payments
    runbook: https://runbooks.example.com/payments
    experts: [U0EXPERT1]
    escalation_policy: payments-critical   # optional, overrides the team's
teams:
  - id: payments
    name: Payments
    escalation_policy: payments-critical
schedules:
  - id: payments-primary
    name: Payments primary           # optional, defaults to id
    timezone: America/New_York
    layers:
      - users: [U0ALICE, U0BOB]
        rotation: 1w
        handoff: "2026-01-05T09:00"
        restrict: { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
    overrides:
      - { user: U0CAROL, from: "2026-11-27T00:00:00Z", to: "2026-11-28T00:00:00Z" }
escalation_policies:
  - id: payments-critical
    levels:
      - { targets: ["schedule:payments-primary"], after: 5m }
      - { targets: ["user:U0MANAGER", "usergroup:S0SRE"], after: 10m }
    repeat: 2
severities:
  - { id: SEV1, description: Critical customer impact, page: true, update_every: 15m, notify_executives: true }
nudges: { commander_missing_after: 5m, update_overdue_after: 10m, postmortem_after: 3d }
`;

describe('defaultIncidentConfig', () => {
  it('is UTC with nothing configured and the built-in severities and nudges', () => {
    expect(defaultIncidentConfig()).toEqual(builtInDefaults);
  });

  it('returns a fresh object each time', () => {
    const first = defaultIncidentConfig();
    first.services.push({ id: 'x', name: 'x', tier: 1, team: null, runbook: null, experts: [], escalationPolicy: null, description: null, stakeholderChannels: [], alertLabels: {}, dependsOn: [] });
    first.severities.SEV1.page = false;
    expect(defaultIncidentConfig()).toEqual(builtInDefaults);
  });
});

describe('parseIncidentConfig', () => {
  it('turns the documented example into an IncidentConfig', () => {
    expect(parseIncidentConfig(briefExample)).toEqual({
      timezone: 'Europe/London',
      channels: { announcements: 'C0123', stakeholders: ['C0456'], executives: 'C0789' },
      services: [
        {
          id: 'payments',
          name: 'Payments API',
          tier: 1,
          team: 'payments',
          runbook: 'https://runbooks.example.com/payments',
          experts: ['U0EXPERT1'],
          escalationPolicy: 'payments-critical',
          description: null,
          stakeholderChannels: [],
          alertLabels: {},
          dependsOn: [],
        },
      ],
      teams: [{ id: 'payments', name: 'Payments', escalationPolicy: 'payments-critical', alertsChannel: null }],
      schedules: [
        {
          id: 'payments-primary',
          name: 'Payments primary',
          timezone: 'America/New_York',
          layers: [
            {
              users: ['U0ALICE', 'U0BOB'],
              rotation: { text: '1w', ms: 604_800_000, calendarDays: 7 },
              handoff: '2026-01-05T09:00',
              restrict: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
            },
          ],
          overrides: [{ user: 'U0CAROL', from: Date.parse('2026-11-27T00:00:00Z'), to: Date.parse('2026-11-28T00:00:00Z') }],
        },
      ],
      escalationPolicies: [
        {
          id: 'payments-critical',
          levels: [
            { targets: [{ kind: 'schedule', id: 'payments-primary' }], after: minutes(5) },
            { targets: [{ kind: 'user', id: 'U0MANAGER' }, { kind: 'usergroup', id: 'S0SRE' }], after: minutes(10) },
          ],
          repeat: 2,
        },
      ],
      severities: { ...builtInSeverities, SEV1: { ...builtInSeverities.SEV1, description: 'Critical customer impact' } },
      nudges: builtInDefaults.nudges,
      statusPage: builtInDefaults.statusPage,
      digest: { cron: '0 9 * * 1-5', timezone: 'Europe/London' },
      postmortem: builtInDefaults.postmortem,
      drills: builtInDefaults.drills,
      alerts: builtInDefaults.alerts,
      api: builtInDefaults.api,
      prometheus: builtInDefaults.prometheus,
      slos: builtInDefaults.slos,
      permissions: builtInDefaults.permissions,
      backups: builtInDefaults.backups,
    } satisfies IncidentConfig);
  });

  it.each<[string, string, IncidentConfig]>([
    ['an empty file', '', builtInDefaults],
    ['only comments', '# nothing yet\n', builtInDefaults],
    ['empty lists', 'services:\nteams: []\nschedules:\n', builtInDefaults],
  ])('reads %s as the defaults', (_name, yaml, expected) => {
    expect(parseIncidentConfig(yaml)).toEqual(expected);
  });

  it('fills in names, tiers, time zones, repeat and restriction days', () => {
    const config = parseIncidentConfig(`
timezone: Asia/Tokyo
services: [{ id: search }]
teams: [{ id: platform }]
schedules:
  - id: nights
    layers: [{ users: [U0ALICE], rotation: 1d, handoff: "2026-01-05T22:00:30", restrict: { from: "22:00", to: "06:00" } }]
escalation_policies:
  - { id: standard, levels: [{ targets: ["schedule:nights"], after: 30s }] }
`);
    expect(config.services).toEqual([{ id: 'search', name: 'search', tier: 3, team: null, runbook: null, experts: [], escalationPolicy: null, description: null, stakeholderChannels: [], alertLabels: {}, dependsOn: [] }]);
    expect(config.teams).toEqual([{ id: 'platform', name: 'platform', escalationPolicy: null, alertsChannel: null }]);
    expect(config.schedules[0]).toEqual({
      id: 'nights',
      name: 'nights',
      timezone: 'Asia/Tokyo',
      layers: [
        {
          users: ['U0ALICE'],
          rotation: { text: '1d', ms: 86_400_000, calendarDays: 1 },
          handoff: '2026-01-05T22:00:30',
          restrict: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '22:00', to: '06:00' },
        },
      ],
      overrides: [],
    });
    expect(config.escalationPolicies[0]?.repeat).toBe(0);
    expect(config.escalationPolicies[0]?.levels[0]?.after).toEqual({ text: '30s', ms: 30_000, calendarDays: null });
  });

  it.each<[string, string, Partial<Record<keyof IncidentConfig['severities'], SeverityPolicy>>]>([
    ['one field of one severity', '- { id: SEV3, page: true }', { SEV3: { ...builtInSeverities.SEV3, page: true } }],
    ['update_every: off', '- { id: SEV1, update_every: off }', { SEV1: { ...builtInSeverities.SEV1, updateEvery: null } }],
    ['update_every: null', '- { id: SEV2, update_every: null }', { SEV2: { ...builtInSeverities.SEV2, updateEvery: null } }],
    ['reminders for SEV4', '- { id: SEV4, update_every: 2h }', { SEV4: { ...builtInSeverities.SEV4, updateEvery: { text: '2h', ms: 7_200_000, calendarDays: null } } }],
    [
      'several severities and fields',
      '- { id: SEV2, description: Big, notify_executives: false }\n- { id: SEV1, page: false }',
      {
        SEV1: { ...builtInSeverities.SEV1, page: false },
        SEV2: { ...builtInSeverities.SEV2, description: 'Big', notifyExecutives: false },
      },
    ],
  ])('merges severities over the defaults: %s', (_name, entries, changed) => {
    const yaml = `severities:\n${entries.split('\n').map((line) => `  ${line}`).join('\n')}\n`;
    expect(parseIncidentConfig(yaml).severities).toEqual({ ...builtInSeverities, ...changed });
  });

  it('merges nudges over the defaults', () => {
    expect(parseIncidentConfig('nudges: { update_overdue_after: 20m }').nudges).toEqual({ ...builtInDefaults.nudges, updateOverdueAfter: minutes(20) });
  });

  it('names the source in the error', () => {
    expect(() => parseIncidentConfig('timezone: Nowhere', '/etc/bot.yml')).toThrow(
      'Invalid incident configuration in /etc/bot.yml:\n  timezone: must be an IANA time zone such as UTC, Europe/London or America/New_York',
    );
  });
});

describe('incident-bot.example.yml', () => {
  const exampleFile = new URL('../../incident-bot.example.yml', import.meta.url);
  const config = parseIncidentConfig(readFileSync(exampleFile, 'utf8'), 'incident-bot.example.yml');

  it('parses, with everything it shows', () => {
    expect({
      timezone: config.timezone,
      services: config.services.map((service) => service.id),
      teams: config.teams.map((team) => team.id),
      schedules: config.schedules.map((schedule) => [schedule.id, schedule.timezone, schedule.layers.length]),
      policies: config.escalationPolicies.map((policy) => [policy.id, policy.levels.length, policy.repeat]),
      sev3: config.severities.SEV3.updateEvery?.text,
      sev4: config.severities.SEV4.updateEvery,
      alertSources: config.alerts.sources.map((source) => source.type),
      dbLabels: config.services.find((service) => service.id === 'db')?.alertLabels,
      apiToken: config.api.tokenEnv,
    }).toEqual({
      timezone: 'Europe/London',
      services: ['payments', 'db', 'search', 'internal-wiki'],
      teams: ['payments', 'platform'],
      schedules: [
        ['payments-primary', 'America/New_York', 2],
        ['platform-primary', 'Europe/London', 1],
      ],
      policies: [
        ['payments-critical', 2, 2],
        ['platform-standard', 2, 0],
      ],
      sev3: '2h',
      sev4: null,
      alertSources: ['prometheus', 'alertmanager', 'grafana', 'pagerduty', 'generic'],
      dbLabels: { db_cluster: 'mysql-primary' },
      apiToken: 'INCIDENT_API_TOKEN',
    });
  });

  it.each<[string, string[]]>([
    ['2026-01-05T14:00:00Z', ['U0ALICE']], // Monday 09:00 New York
    ['2026-01-12T14:00:00Z', ['U0BOB']], // a week later
    ['2026-01-05T22:00:00Z', ['U0SRE1']], // 17:00 New York: the 12h layer, turn started 08:00 New York
    ['2026-01-06T12:00:00Z', ['U0SRE2']], // 07:00 New York: the night turn that started 20:00
    ['2026-11-26T17:00:00Z', ['U0CAROL']], // Thanksgiving override
  ])('puts the right person on call in payments-primary at %s', (instant, expected) => {
    const schedule = config.schedules.find((candidate) => candidate.id === 'payments-primary');
    expect(schedule && onCallAt(schedule, Date.parse(instant))).toEqual(expected);
  });
});

describe('loadIncidentConfig', () => {
  const directory = mkdtempSync(join(tmpdir(), 'incident-config-'));
  const missing = join(directory, 'missing.yml');
  const present = join(directory, 'present.yml');
  const broken = join(directory, 'broken.yml');
  writeFileSync(present, 'timezone: Europe/Paris\nservices: [{ id: search }]\n');
  writeFileSync(broken, 'timezone: Europe/Pariss\n');

  it.each<[string, string | undefined, boolean, string]>([
    ['no path', undefined, false, 'UTC'],
    ['no path, even when required', undefined, true, 'UTC'],
    ['a missing optional file', missing, false, 'UTC'],
    ['a file that exists', present, false, 'Europe/Paris'],
    ['a required file that exists', present, true, 'Europe/Paris'],
  ])('reads %s', (_name, path, required, timezone) => {
    expect(loadIncidentConfig(path, { required }).timezone).toBe(timezone);
  });

  it('refuses a missing required file, naming it', () => {
    expect(() => loadIncidentConfig(missing, { required: true })).toThrow(ConfigError);
    expect(() => loadIncidentConfig(missing, { required: true })).toThrow(`Invalid incident configuration: ${missing}: file not found`);
  });

  it('refuses a directory', () => {
    expect(() => loadIncidentConfig(directory, { required: false })).toThrow(`Invalid incident configuration: ${directory}: cannot be read`);
  });

  it('refuses an invalid file even when it is optional, naming the file', () => {
    expect(() => loadIncidentConfig(broken, { required: false })).toThrow(`Invalid incident configuration in ${broken}:\n  timezone: must be`);
  });

  describe('config:check', () => {
    const run = (args: string[], env: NodeJS.ProcessEnv = {}, defaultFile = missing) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = checkConfig(args, env, { out: (line) => out.push(line), err: (line) => err.push(line) }, { defaultFile });
      return { code, out, err };
    };

    it.each<[string, string[], NodeJS.ProcessEnv, { code: number; out: string[]; err: string[] }]>([
      ['the file given', [present], {}, { code: 0, out: [`ok: ${present}: 1 services, 0 teams, 0 schedules, 0 escalation policies`], err: [] }],
      ['CONFIG_PATH', [], { CONFIG_PATH: present }, { code: 0, out: [`ok: ${present}: 1 services, 0 teams, 0 schedules, 0 escalation policies`], err: [] }],
      ['the argument over CONFIG_PATH', [missing], { CONFIG_PATH: present }, { code: 1, out: [], err: [`Invalid incident configuration: ${missing}: file not found`] }],
      ['an invalid file', [broken], {}, {
        code: 1,
        out: [],
        err: [`Invalid incident configuration in ${broken}:\n  timezone: must be an IANA time zone such as UTC, Europe/London or America/New_York`],
      }],
    ])('checks %s', (_name, args, env, expected) => {
      expect(run(args, env)).toEqual(expected);
    });

    it.each<[string, NodeJS.ProcessEnv]>([
      ['unset', {}],
      ['blank, as in a copied .env.example', { CONFIG_PATH: '' }],
    ])('says the built-in defaults are in force without an argument, CONFIG_PATH %s and the default file', (_name, env) => {
      expect(run([], env)).toEqual({
        code: 0,
        out: [`no configuration file (no argument, CONFIG_PATH unset, no ${missing}): the built-in defaults are in force`],
        err: [],
      });
    });

    it('checks the default file when it exists and nothing else is named', () => {
      expect(run([], {}, present)).toEqual({ code: 0, out: [`ok: ${present}: 1 services, 0 teams, 0 schedules, 0 escalation policies`], err: [] });
    });

    it('checks the example file', () => {
      const example = new URL('../../incident-bot.example.yml', import.meta.url).pathname;
      expect(run([example]).out).toEqual([`ok: ${example}: 4 services, 2 teams, 2 schedules, 2 escalation policies, 1 SLO; restricted: publish, maintenance, silence, cancel; backups every 6h into backups, the newest 28 kept`]);
    });
  });
});

describe('the alerts section', () => {
  const yaml = `
services:
  - { id: db, tier: 1, team: dba, alert_labels: { db_cluster: mysql-primary } }
  - { id: checkout-api, tier: 1, team: checkout, depends_on: [db] }
teams:
  - { id: dba }
  - { id: checkout, alerts_channel: C0ALERTS }
alerts:
  service_label: app
  sources:
    - { id: prometheus, type: prometheus, token_env: PROMETHEUS_ALERTS_TOKEN }
  page_severities: [critical, page]
  heartbeat: { alertname: DeadMansSwitch, missing_after: 2m }
  flapping: { window: 5m, changes: 3 }
  group_wait: 1500ms
  speedup: 60
  maintenance_windows:
    - { id: patch-night, services: [db], starts_at: "2026-11-28T22:00:00Z", ends_at: "2026-11-29T00:00:00Z" }
api: { token_env: INCIDENT_API_TOKEN }
`;

  it('reads selectors, dependencies, channels, sources and timings (ms accepted)', () => {
    const config = parseIncidentConfig(yaml);
    expect(config.services.map((service) => [service.id, service.alertLabels, service.dependsOn])).toEqual([
      ['db', { db_cluster: 'mysql-primary' }, []],
      ['checkout-api', {}, ['db']],
    ]);
    expect(config.teams[1]?.alertsChannel).toBe('C0ALERTS');
    expect(config.alerts).toMatchObject({
      serviceLabel: 'app',
      sources: [{ id: 'prometheus', type: 'prometheus', tokenEnv: 'PROMETHEUS_ALERTS_TOKEN' }],
      pageSeverities: ['critical', 'page'],
      heartbeat: { alertname: 'DeadMansSwitch', missingAfterMs: 120_000 },
      flapping: { windowMs: 300_000, changes: 3 },
      groupWaitMs: 1500,
      resolveTimeoutMs: 300_000,
      speedup: 60,
      maintenanceWindows: [{ id: 'patch-night', title: 'patch-night', services: ['db'], startsAt: Date.UTC(2026, 10, 28, 22), endsAt: Date.UTC(2026, 10, 29) }],
    });
    expect(config.api.tokenEnv).toBe('INCIDENT_API_TOKEN');
  });

  it.each([
    ['an unknown dependency', 'services:\n  - { id: a, depends_on: [dbb] }', 'services[0].depends_on[0]: no service with id dbb (services: a)'],
    ['an unknown source type', 'alerts:\n  sources: [{ id: x, type: nagios, token_env: X }]', 'alerts.sources[0].type: must be one of prometheus, alertmanager, grafana, pagerduty, generic'],
    ['a token written instead of a variable name', 'alerts:\n  sources: [{ id: x, type: generic, token_env: "s3cr3t-value" }]', 'alerts.sources[0].token_env: must be the name of an environment variable'],
    ['a bad timing', 'alerts:\n  group_wait: soon', 'alerts.group_wait: must be a duration such as 500ms, 30s, 5m or 4h'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIncidentConfig(text)).toThrow(message);
  });
});

describe('checkAlertSecrets', () => {
  const config = parseIncidentConfig('alerts:\n  sources:\n    - { id: prometheus, type: prometheus, token_env: PROMETHEUS_ALERTS_TOKEN }\napi: { token_env: INCIDENT_API_TOKEN }\n');

  it('refuses to start with one line naming the unset variable', () => {
    expect(() => checkAlertSecrets(config, { INCIDENT_API_TOKEN: 'x', PROMETHEUS_ALERTS_TOKEN: '  ' })).toThrow(
      /^PROMETHEUS_ALERTS_TOKEN is not set: alerts source prometheus \(prometheus\) takes its token from it$/,
    );
    expect(() => checkAlertSecrets(config, { PROMETHEUS_ALERTS_TOKEN: 'x' })).toThrow(/^INCIDENT_API_TOKEN is not set/);
  });

  it('starts when every variable is set', () => {
    expect(() => checkAlertSecrets(config, { PROMETHEUS_ALERTS_TOKEN: 'a', INCIDENT_API_TOKEN: 'b' })).not.toThrow();
  });
});
