/** A small on-call setup used by the paging tests: one service, one schedule, a two-level policy. */
export const oncall = { primary: 'U0ONCALL01', secondary: 'U0ONCALL02', manager: 'U0MANAGER1' } as const;

export const pagingConfigYaml = (options: { after?: string; repeat?: number; updateEvery?: string } = {}) => `
timezone: UTC
services:
  - id: payments
    name: Payments API
    tier: 1
    team: payments
    runbook: https://runbooks.example.com/payments
    experts: []
  - id: checkout
    name: Checkout
    team: payments
teams:
  - id: payments
    name: Payments
    escalation_policy: payments-critical
schedules:
  - id: payments-primary
    timezone: UTC
    layers:
      - users: [${oncall.primary}, ${oncall.secondary}]
        rotation: 1w
        handoff: "2020-01-06T09:00"
escalation_policies:
  - id: payments-critical
    levels:
      - { targets: ["schedule:payments-primary"], after: ${options.after ?? '30s'} }
      - { targets: ["user:${oncall.manager}"], after: ${options.after ?? '30s'} }
    repeat: ${options.repeat ?? 1}
severities:
  - { id: SEV1, page: true, update_every: ${options.updateEvery ?? '15m'}, notify_executives: true }
`;
