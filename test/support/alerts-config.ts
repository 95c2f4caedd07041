import type { FakeSlack } from 'slack-emulator';

/** Alert source tokens the tests send; the configuration names their variables. */
export const alertTokens = {
  PROMETHEUS_ALERTS_TOKEN: 'prom-token-2f8a',
  ALERTMANAGER_TOKEN: 'am-token-91c3',
  GRAFANA_ALERTS_TOKEN: 'grafana-token-77d0',
  PAGERDUTY_ROUTING_KEY: 'pd-routing-key-5b1e',
  GENERIC_ALERTS_TOKEN: 'generic-token-0a4c',
  INCIDENT_API_TOKEN: 'api-token-c3d9',
} as const;

/** One on-call person per team, and the team's alerts channel. */
export const alertTeams = {
  dba: { user: 'U0DBAONCAL', channel: 'C0ALERTDBA' },
  checkout: { user: 'U0CHECKOUT', channel: 'C0ALERTCHK' },
  payments: { user: 'U0PAYMENTS', channel: 'C0ALERTPAY' },
  platform: { user: 'U0PLATFORM', channel: 'C0ALERTPLT' },
  search: { user: 'U0SEARCHON', channel: 'C0ALERTSRC' },
  comms: { user: 'U0COMMSONC', channel: 'C0ALERTCOM' },
} as const;

/**
 * A small company: the primary MySQL cluster (db), the services that need it, the edge in front of
 * them, and some that have nothing to do with it.
 */
/** The second level of every policy, when a test asks for one. */
export const alertManager = 'U0ALERTMGR';

export const alertsConfigYaml = (
  options: {
    speedup?: number;
    groupWait?: string;
    extra?: string;
    alertsExtra?: string;
    secondLevel?: boolean;
    /** Per team: the policy's auto_declare mapping, e.g. { payments: '{ critical: SEV1 }' }. */
    autoDeclare?: Partial<Record<keyof typeof alertTeams, string>>;
  } = {},
) => `
timezone: UTC
services:
  - { id: db, name: Primary MySQL, tier: 1, team: dba, alert_labels: { db_cluster: mysql-primary } }
  - { id: checkout-api, tier: 1, team: checkout, depends_on: [db] }
  - { id: orders-api, tier: 2, team: checkout, depends_on: [db] }
  - { id: inventory, tier: 2, team: checkout, depends_on: [db] }
  - { id: payments, name: Payments, tier: 1, team: payments, depends_on: [db], runbook: "https://runbooks.example.com/payments" }
  - { id: edge-lb, tier: 1, team: platform, depends_on: [checkout-api, orders-api] }
  - { id: cdn, tier: 2, team: platform, depends_on: [edge-lb] }
  - { id: log-pipeline, tier: 3, team: platform }
  - { id: k8s-nodes, tier: 2, team: platform }
  - { id: search, tier: 2, team: search }
  - { id: notifications, tier: 2, team: comms }
teams:
${Object.entries(alertTeams)
  .map(([id, team]) => `  - { id: ${id}, escalation_policy: ${id}-oncall, alerts_channel: ${team.channel} }`)
  .join('\n')}
schedules:
${Object.entries(alertTeams)
  .map(([id, team]) => `  - { id: ${id}-primary, layers: [{ users: [${team.user}], rotation: 1w, handoff: "2020-01-06T09:00" }] }`)
  .join('\n')}
escalation_policies:
${Object.keys(alertTeams)
  .map((id) => {
    const autoDeclare = options.autoDeclare?.[id as keyof typeof alertTeams];
    const levels = `[{ targets: ["schedule:${id}-primary"], after: 5m }${options.secondLevel ? `, { targets: ["user:${alertManager}"], after: 5m }` : ''}]`;
    return `  - { id: ${id}-oncall, levels: ${levels}${autoDeclare ? `, auto_declare: ${autoDeclare}` : ''} }`;
  })
  .join('\n')}
alerts:
  sources:
    - { id: prometheus, type: prometheus, token_env: PROMETHEUS_ALERTS_TOKEN }
    - { id: am, type: alertmanager, token_env: ALERTMANAGER_TOKEN }
    - { id: grafana, type: grafana, token_env: GRAFANA_ALERTS_TOKEN }
    - { id: pd, type: pagerduty, token_env: PAGERDUTY_ROUTING_KEY }
    - { id: scripts, type: generic, token_env: GENERIC_ALERTS_TOKEN }
  heartbeat: { alertname: Watchdog, missing_after: 10m, team: platform }
  flapping: { window: 10m, changes: 4 }
  group_wait: ${options.groupWait ?? '30s'}
  speedup: ${options.speedup ?? 1}
${options.alertsExtra ?? ''}
api: { token_env: INCIDENT_API_TOKEN }
${options.extra ?? ''}`;

/** The people and channels the configuration names, in the emulated workspace. */
export const addAlertWorkspace = (slack: FakeSlack): void => {
  slack.addUser({ id: alertManager, name: 'alerts-manager' });
  for (const [id, team] of Object.entries(alertTeams)) {
    slack.addUser({ id: team.user, name: `${id}-oncall` });
    slack.addChannel({ id: team.channel, name: `alerts-${id}`, members: [team.user], botIsMember: true });
  }
};
