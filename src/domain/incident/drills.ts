import type { Severity } from './severity.js';

/** Practice incidents for game days: realistic enough to exercise paging, updates and the postmortem. */
export interface DrillScenario {
  id: string;
  title: string;
  severity: Severity;
  services: string[];
  summary: string;
  impact: string;
}

export const drillScenarios: readonly DrillScenario[] = [
  {
    id: 'payments',
    title: 'Card payments failing at checkout',
    severity: 'SEV1',
    services: ['payments', 'checkout'],
    summary: 'Card authorisations time out at the acquirer; checkout shows "payment failed".',
    impact: 'Roughly a third of card payments fail in Europe.',
  },
  {
    id: 'search',
    title: 'Search results slow and incomplete',
    severity: 'SEV3',
    services: ['search'],
    summary: 'Search latency p99 above 5 s since the index rebuild; some results missing.',
    impact: 'Customers can still buy, but search is slow.',
  },
  {
    id: 'database',
    title: 'Primary database failover loop',
    severity: 'SEV2',
    services: ['payments'],
    summary: 'The primary database fails over every few minutes; writes error during each switch.',
    impact: 'Intermittent errors saving orders.',
  },
];

export const findDrillScenario = (id: string | undefined): DrillScenario | undefined =>
  drillScenarios.find((scenario) => scenario.id === (id?.trim().toLowerCase() || 'payments'));

/** How long a timer of an incident lasts: drills run at the configured speed-up, never under a second. */
export const timerMs = (incident: { isDrill: boolean }, ms: number, speedup: number): number =>
  incident.isDrill ? Math.max(1_000, Math.round(ms / speedup)) : ms;

/**
 * Drills nobody finishes must not flood people: what the next reminder of an incident may do, given
 * how many reminders it has had. Real incidents are never limited.
 */
export const drillReminderAllowance = (incident: { isDrill: boolean }, sent: number, max: number): 'remind' | 'announce_stop' | 'silent' =>
  !incident.isDrill || sent < max ? 'remind' : sent === max ? 'announce_stop' : 'silent';

/** When a drill still active is cancelled as expired: a fixed real time after it was declared, not sped up. */
export const drillExpiresAt = (incident: { declaredAt: number }, expireAfterMs: number): number => incident.declaredAt + expireAfterMs;
