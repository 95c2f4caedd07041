import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.js';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';

/** The problem lines of the refusal (without the header and the two-space indent). */
const problems = (yaml: string): string[] => {
  try {
    parseIncidentConfig(yaml, 'test.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const [header, ...lines] = (error as Error).message.split('\n');
    expect(header).toBe('Invalid incident configuration in test.yml:');
    for (const line of lines) expect(line.startsWith('  ')).toBe(true);
    return lines.map((line) => line.slice(2));
  }
  throw new Error('expected the configuration to be refused');
};

const schedule = (layer: string, extra = ''): string =>
  `schedules:\n  - id: primary\n    layers:\n      - ${layer}\n${extra}`;
const validLayer = '{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05T09:00" }';
const policy = (level: string, extra = ''): string => `escalation_policies:\n  - id: standard\n    levels:\n      - ${level}\n${extra}`;

const durationHint = 'must be a duration such as 30s, 5m, 1h, 1d or 1w';
const handoffHint = 'must be a local date-time such as 2026-01-05T09:00 (no offset: the schedule time zone applies)';
const instantHint = 'must be a date-time with an offset such as 2026-11-27T00:00:00Z or 2026-11-27T09:00:00+01:00';
const targetHint = 'must be schedule:<schedule id>, user:<U…> or usergroup:<S…>';
const topLevelKeys = 'timezone, channels, services, teams, schedules, escalation_policies, severities, nudges, status_page, digest, postmortem, drills, alerts, api, prometheus, slos, openslo, permissions, backups';

describe('parseIncidentConfig refuses bad files, naming each field by path', () => {
  it.each<[string, string, string]>([
    ['a misspelt top-level key', 'escalation_policys: []', `escalation_policys: unknown key (did you mean escalation_policies? allowed here: ${topLevelKeys})`],
    ['a misspelt nested key', schedule('{ users: [U0ALICE], rotation: 1w, handof: "2026-01-05T09:00" }'),
      'schedules[0].layers[0].handof: unknown key (did you mean handoff? allowed here: users, rotation, handoff, restrict)'],
    ['an unknown time zone', 'timezone: Mars/Olympus_Mons', 'timezone: must be an IANA time zone such as UTC, Europe/London or America/New_York'],
    ['an unknown schedule time zone', `${schedule(validLayer)}    timezone: EST5EDT6\n`,
      'schedules[0].timezone: must be an IANA time zone such as UTC, Europe/London or America/New_York'],
    ['a bad rotation', schedule('{ users: [U0ALICE], rotation: 1fortnight, handoff: "2026-01-05T09:00" }'), `schedules[0].layers[0].rotation: ${durationHint}`],
    ['a zero rotation', schedule('{ users: [U0ALICE], rotation: 0d, handoff: "2026-01-05T09:00" }'), `schedules[0].layers[0].rotation: ${durationHint}`],
    ['a numeric rotation', schedule('{ users: [U0ALICE], rotation: 7, handoff: "2026-01-05T09:00" }'), `schedules[0].layers[0].rotation: ${durationHint}`],
    ['a handoff with a space', schedule('{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05 09:00" }'), `schedules[0].layers[0].handoff: ${handoffHint}`],
    ['a handoff with an offset', schedule('{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05T09:00Z" }'), `schedules[0].layers[0].handoff: ${handoffHint}`],
    ['a handoff on a day that does not exist', schedule('{ users: [U0ALICE], rotation: 1w, handoff: "2026-02-30T09:00" }'), `schedules[0].layers[0].handoff: ${handoffHint}`],
    ['a missing handoff', schedule('{ users: [U0ALICE], rotation: 1w }'), 'schedules[0].layers[0].handoff: is required'],
    ['a layer without users', schedule('{ users: [], rotation: 1w, handoff: "2026-01-05T09:00" }'), 'schedules[0].layers[0].users: must name at least one person'],
    ['a user that is not a Slack id', schedule('{ users: [U0ALICE, "@bob"], rotation: 1w, handoff: "2026-01-05T09:00" }'),
      'schedules[0].layers[0].users[1]: must be a Slack user id such as U0123ABCD'],
    ['a schedule without layers', 'schedules:\n  - { id: primary, layers: [] }', 'schedules[0].layers: must have at least one layer'],
    ['a restriction day that is not mon..sun', schedule(`{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05T09:00", restrict: { days: [mon, tuesday], from: "09:00", to: "17:00" } }`),
      'schedules[0].layers[0].restrict.days[1]: must be one of mon, tue, wed, thu, fri, sat, sun'],
    ['a restriction time without a leading zero', schedule(`{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05T09:00", restrict: { from: "9:00", to: "17:00" } }`),
      'schedules[0].layers[0].restrict.from: must be a time of day HH:MM such as 09:00'],
    ['a restriction time past midnight', schedule(`{ users: [U0ALICE], rotation: 1w, handoff: "2026-01-05T09:00", restrict: { from: "09:00", to: "24:00" } }`),
      'schedules[0].layers[0].restrict.to: must be a time of day HH:MM such as 09:00'],
    ['an override ending before it starts', schedule(validLayer, '    overrides:\n      - { user: U0CAROL, from: "2026-11-28T00:00:00Z", to: "2026-11-27T00:00:00Z" }\n'),
      'schedules[0].overrides[0].to: must be after from'],
    ['an override ending as it starts', schedule(validLayer, '    overrides:\n      - { user: U0CAROL, from: "2026-11-28T00:00:00Z", to: "2026-11-28T01:00:00+01:00" }\n'),
      'schedules[0].overrides[0].to: must be after from'],
    ['an override without an offset', schedule(validLayer, '    overrides:\n      - { user: U0CAROL, from: "2026-11-27T00:00:00", to: "2026-11-28T00:00:00Z" }\n'),
      `schedules[0].overrides[0].from: ${instantHint}`],
    ['a policy without levels', 'escalation_policies:\n  - { id: standard, levels: [] }', 'escalation_policies[0].levels: must have at least one level'],
    ['a level without targets', policy('{ targets: [], after: 5m }'), 'escalation_policies[0].levels[0].targets: must name at least one target'],
    ['a target of an unknown kind', policy('{ targets: ["team:payments"], after: 5m }'), `escalation_policies[0].levels[0].targets[0]: ${targetHint}`],
    ['a user target that is not a Slack id', policy('{ targets: ["user:alice"], after: 5m }'), `escalation_policies[0].levels[0].targets[0]: ${targetHint}`],
    ['a usergroup target that is a user id', policy('{ targets: ["usergroup:U0ALICE"], after: 5m }'), `escalation_policies[0].levels[0].targets[0]: ${targetHint}`],
    ['a target naming a schedule that does not exist', `${schedule(validLayer)}${policy('{ targets: ["user:U0BOB", "schedule:secondary"], after: 5m }')}`,
      'escalation_policies[0].levels[0].targets[1]: no schedule with id secondary (schedules: primary)'],
    ['a level without after', policy('{ targets: ["user:U0BOB"] }'), 'escalation_policies[0].levels[0].after: is required'],
    ['a negative repeat', policy('{ targets: ["user:U0BOB"], after: 5m }', '    repeat: -1\n'), 'escalation_policies[0].repeat: must be a whole number, 0 or more'],
    ['a fractional repeat', policy('{ targets: ["user:U0BOB"], after: 5m }', '    repeat: 1.5\n'), 'escalation_policies[0].repeat: must be a whole number, 0 or more'],
    ['an auto_declare to no incident severity', policy('{ targets: ["user:U0BOB"], after: 5m }', '    auto_declare: { critical: SEV9 }\n'),
      'escalation_policies[0].auto_declare.critical: must be an incident severity: SEV1, SEV2, SEV3, SEV4'],
    ['an auto_declare that is a list', policy('{ targets: ["user:U0BOB"], after: 5m }', '    auto_declare: [critical]\n'),
      'escalation_policies[0].auto_declare: must map alert severities to incident severities, such as { critical: SEV1 }'],
    ['an auto_declare for alerts that never page', policy('{ targets: ["user:U0BOB"], after: 5m }', '    auto_declare: { warning: SEV3 }\n'),
      'escalation_policies[0].auto_declare.warning: only alerts that page can declare an incident; alerts.page_severities is [critical]'],
    ['a service naming a team that does not exist', 'teams:\n  - { id: payments }\nservices:\n  - { id: checkout, team: paymnets }',
      'services[0].team: no team with id paymnets (teams: payments)'],
    ['a service naming a policy when none exist', 'services:\n  - { id: checkout, escalation_policy: critical }',
      'services[0].escalation_policy: no escalation policy with id critical (no escalation_policies are defined)'],
    ['a team naming a policy that does not exist', `${policy('{ targets: ["user:U0BOB"], after: 5m }')}teams:\n  - { id: payments, escalation_policy: critical }`,
      'teams[0].escalation_policy: no escalation policy with id critical (escalation_policies: standard)'],
    ['a service without an id', 'services:\n  - { name: Checkout }', 'services[0].id: is required'],
    ['an id with spaces', 'services:\n  - { id: check out }', 'services[0].id: must be an id of letters, digits, -, _ or . such as payments-api'],
    ['duplicate service ids', 'services:\n  - { id: checkout }\n  - { id: search }\n  - { id: checkout }', 'services[2].id: duplicate id checkout (also services[0])'],
    ['duplicate team ids', 'teams:\n  - { id: payments }\n  - { id: payments }', 'teams[1].id: duplicate id payments (also teams[0])'],
    ['duplicate schedule ids', `${schedule(validLayer)}  - { id: primary, layers: [${validLayer}] }\n`, 'schedules[1].id: duplicate id primary (also schedules[0])'],
    ['duplicate policy ids', `${policy('{ targets: ["user:U0BOB"], after: 5m }')}  - { id: standard, levels: [{ targets: ["user:U0BOB"], after: 5m }] }\n`,
      'escalation_policies[1].id: duplicate id standard (also escalation_policies[0])'],
    ['duplicate severities', 'severities:\n  - { id: SEV1 }\n  - { id: SEV1, page: false }', 'severities[1].id: duplicate id SEV1 (also severities[0])'],
    ['an unknown severity', 'severities:\n  - { id: SEV5 }', 'severities[0].id: must be one of SEV1, SEV2, SEV3, SEV4'],
    ['a bad update cadence', 'severities:\n  - { id: SEV2, update_every: sometimes }', `severities[0].update_every: ${durationHint}, or off`],
    ['page that is not a boolean', 'severities:\n  - { id: SEV2, page: sometimes }', 'severities[0].page: must be true or false'],
    ['a bad nudge', 'nudges: { postmortem_after: 3 days }', `nudges.postmortem_after: ${durationHint}`],
    ['a channel name instead of an id', 'channels: { announcements: "#incidents" }', 'channels.announcements: must be a Slack channel id such as C0123ABCD'],
    ['a stakeholder channel that is not an id', 'channels: { stakeholders: [C0456, support] }', 'channels.stakeholders[1]: must be a Slack channel id such as C0123ABCD'],
    ['an expert that is not a user id', 'services:\n  - { id: checkout, experts: [alice] }', 'services[0].experts[0]: must be a Slack user id such as U0123ABCD'],
    ['a runbook that is not a URL', 'services:\n  - { id: checkout, runbook: see the wiki }', 'services[0].runbook: must be a URL such as https://runbooks.example.com/payments'],
    ['a tier of zero', 'services:\n  - { id: checkout, tier: 0 }', 'services[0].tier: must be a whole number, 1 or more'],
    ['services as a mapping', 'services:\n  checkout: { tier: 1 }', 'services: must be a list'],
    ['a list instead of a mapping', '- timezone: UTC', '(top level): must be a mapping of settings such as timezone, services, schedules'],
    ['a YAML syntax error', 'timezone: UTC\nservices: [\n  { id: checkout\nteams: []\n', 'line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a duplicate YAML key', 'timezone: UTC\ntimezone: Europe/London\n', 'line 2, column 1: Map keys must be unique'],
    ['a misaligned list item', 'services:\n  - id: checkout\n   name: Checkout\n', 'line 3, column 1: Sequence item without - indicator'],
  ])('%s', (_name, yaml, expected) => {
    expect(problems(yaml)).toContain(expected);
  });

  it('lists every problem at once, shape and references alike', () => {
    const yaml = [
      'timezone: Nowhere/Special',
      'services:',
      '  - { id: checkout, team: ghosts }',
      'schedules:',
      '  - id: primary',
      '    layers:',
      '      - { users: [U0ALICE], rotation: fortnightly, handoff: "2026-01-05T09:00" }',
      'escalation_policies:',
      '  - { id: standard, levels: [{ targets: ["schedule:secondary"], after: 5m }], repeat: -2 }',
    ].join('\n');
    expect(problems(yaml)).toEqual([
      'timezone: must be an IANA time zone such as UTC, Europe/London or America/New_York',
      `schedules[0].layers[0].rotation: ${durationHint}`,
      'escalation_policies[0].repeat: must be a whole number, 0 or more',
      'services[0].team: no team with id ghosts (no teams are defined)',
      'escalation_policies[0].levels[0].targets[0]: no schedule with id secondary (schedules: primary)',
    ]);
  });
});
