import { describe, expect, it } from 'vitest';
import { burnAlertName, evaluateSlos, scheduleSloEvaluation, sloSourceId } from '../../../src/app/slo/evaluate-slos.js';
import { SliUnavailable, type SliSource } from '../../../src/app/slo/slo-ports.js';
import { jobKeys } from '../../../src/app/job-keys.js';
import { declareIncident } from '../../../src/app/incident/declare-incident.js';
import { checkoutIncident } from './checkout-incident.js';
import type { SloStatus } from '../../../src/domain/slo/error-budget.js';
import { sloStatusBlock } from '../../../src/slack/blocks/slo-report.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml, alertTeams } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

const minute = 60_000;
const hour = 60 * minute;
// A 30-day window: the workbook's ranges (1 h and 5 min, 6 h and 30 min, 3 days and 6 h).
const configYaml = alertsConfigYaml({
  extra: `
prometheus: { url: "http://prometheus.invalid:9090", evaluate_every: 1m }
slos:
  - { id: checkout-availability, service: checkout-api, objective: 99.9, window: 30d, good: 'good[$window]', total: 'total[$window]' }
`,
});

/** Prometheus as the test sets it: the share of bad events over each range, or unreachable. */
const prometheus = () => {
  let badShare: (rangeMs: number) => number = () => 0;
  let reachable = true;
  const source: SliSource = {
    read: async (_slo, rangeMs) => {
      if (!reachable) throw new SliUnavailable('Prometheus at prometheus.invalid:9090 could not be reached');
      return { good: 10_000 * (1 - badShare(rangeMs)), total: 10_000 };
    },
  };
  return {
    source,
    burn: (share: (rangeMs: number) => number) => (badShare = share),
    down: () => (reachable = false),
    up: () => (reachable = true),
  };
};

const pageLabels = { alertname: burnAlertName, service: 'checkout-api', slo: 'checkout-availability', severity: 'critical' };
const ticketLabels = { ...pageLabels, severity: 'warning' };

const start = () => {
  const clock = fixedClock(Date.UTC(2026, 11, 2, 10, 0));
  const metrics = prometheus();
  const world = useCaseWorld({ configYaml, clock, slis: metrics.source });
  const pages = () => world.callsTo('sendDm').filter(([user]) => user === alertTeams.checkout.user);
  return { world, clock, metrics, pages, alert: (labels: Record<string, string>) => world.deps.alerts.find(fingerprintOf(labels)) };
};

describe('burn-rate alerts from SLOs', () => {
  it('pages the service team for a sharp burn, once, and resolves the alert when the burn stops', async () => {
    const { world, metrics, pages, alert } = start();
    // 3% of requests failing over the last hour and the last 5 minutes: burning 30×.
    metrics.burn((range) => (range <= hour ? 0.03 : 0.001));
    await evaluateSlos(world.deps);
    await world.runDueJobs();
    expect(pages()).toHaveLength(1);
    expect(JSON.stringify(pages()[0])).toContain(`checkout-api · ${burnAlertName}`);
    expect(JSON.stringify(pages()[0])).toContain('checkout-availability: error budget burning 30.0× over the last 1 h (a page from 14.4×: 2% of the budget in 1 h)');
    expect(alert(pageLabels)).toMatchObject({ status: 'firing', disposition: 'paged' });
    expect(alert(pageLabels)?.annotations.description).toBe('99.9% of events must be good over 30 days; at this pace the error budget is gone in 24 h. /incident slo checkout-api shows it.');

    // Evaluated again a minute later, still burning: the same alert, no second page.
    await world.advance(minute);
    expect(pages()).toHaveLength(1);
    expect(alert(pageLabels)?.receivedCount).toBe(2);

    // Fixed half an hour ago: the short ranges are clean, the hour still shows it, 6 hours and 3 days
    // not enough to page or ticket. The next evaluation resolves it.
    const after: Record<number, number> = { [5 * minute]: 0, [30 * minute]: 0, [hour]: 0.02, [6 * hour]: 0.004, [72 * hour]: 0.0004 };
    metrics.burn((range) => after[range]!);
    await world.advance(minute);
    expect(alert(pageLabels)?.status).toBe('resolved');
    expect(pages()).toHaveLength(1);
    world.close();
  });

  it('opens a ticket (a warning in the team\'s alerts channel, no page) for a slow burn over days', async () => {
    const { world, metrics, pages, alert } = start();
    metrics.burn(() => 0.002);
    await evaluateSlos(world.deps);
    await world.advance(minute);
    expect(alert(ticketLabels)).toMatchObject({ status: 'firing', disposition: 'grouped' });
    expect(alert(pageLabels)).toBeUndefined();
    expect(pages()).toEqual([]);
    // It turns sharp: the page fires and the ticket is resolved.
    metrics.burn(() => 0.03);
    await world.advance(minute);
    expect(alert(pageLabels)?.status).toBe('firing');
    expect(alert(ticketLabels)?.status).toBe('resolved');
    expect(pages()).toHaveLength(1);
    world.close();
  });

  it('keeps evaluating every evaluate_every, counts its alerts under the slo source, and leaves them as they are while Prometheus is unreadable', async () => {
    const { world, metrics, alert } = start();
    scheduleSloEvaluation(world.deps, world.deps.config());
    scheduleSloEvaluation(world.deps, world.deps.config());
    expect(world.deps.jobs.pending(jobKeys.sloEvaluation)).toMatchObject({ kind: 'slo_evaluation' });
    metrics.burn(() => 0.03);
    await world.runDueJobs();
    expect(world.deps.jobs.pending(jobKeys.sloEvaluation)?.dueAt).toBe(world.clock.now() + minute);
    expect(alert(pageLabels)?.status).toBe('firing');
    const logged: string[] = [];
    world.deps.log = { info: (_fields, message) => logged.push(`info: ${message}`), error: (fields, message) => logged.push(`error: ${message} ${JSON.stringify(fields)}`) };
    metrics.down();
    await world.advance(minute);
    expect(alert(pageLabels)?.status).toBe('firing');
    expect(world.deps.jobs.pending(jobKeys.sloEvaluation)?.dueAt).toBe(world.clock.now() + minute);
    // Unread for three evaluations, it resolves by itself: nobody is paged on stale numbers.
    for (let evaluation = 0; evaluation < 3; evaluation += 1) await world.advance(minute);
    expect(alert(pageLabels)?.status).toBe('resolved');
    // Said once, not every minute; and once more when it can be read again.
    metrics.up();
    await world.advance(minute);
    expect(logged.filter((line) => line.includes('SLO'))).toEqual([
      'error: cannot read an SLO for its burn-rate alerts; its alerts stay as they are {"slo":"checkout-availability","reason":"Prometheus at prometheus.invalid:9090 could not be reached"}',
      'info: an SLO can be read again',
    ]);
    expect(alert(pageLabels)?.sourceId).toBe(sloSourceId);
    world.close();
  });
});

describe('SLOs on the incident card', () => {
  it('shows the SLOs of the incident\'s services as the last evaluation read them, refreshed when that changes', async () => {
    const { world, metrics } = start();
    const declared = await declareIncident(world.deps, checkoutIncident);
    await world.runDueJobs();
    const cards = () => world.callsTo('update').filter(([, message]) => (message as { kind: string }).kind === 'incident_card').map(([, message]) => message as { slos?: SloStatus[] });
    const updatesBefore = cards().length;
    // 30% of the budget gone, burning 30× now.
    metrics.burn((range) => (range === 30 * 24 * hour ? 0.0003 : 0.03));
    await evaluateSlos(world.deps);
    await world.runDueJobs();
    const card = cards().at(-1)!;
    expect(cards()).toHaveLength(updatesBefore + 1);
    expect(card.slos).toEqual([{ sloId: 'checkout-availability', readAt: world.clock.now(), remaining: expect.closeTo(0.7, 6), burnRate: expect.closeTo(30, 6), burnRangeMs: hour, problem: null, exhaustedSince: null }]);
    const shown = JSON.stringify(sloStatusBlock(card.slos!));
    expect(shown).toContain(':large_green_circle: healthy *checkout-availability*: 70% of the error budget left, burning 30× over the last hour');
    // The same numbers a minute later: nothing to refresh.
    await world.advance(minute);
    expect(cards()).toHaveLength(updatesBefore + 1);
    // Prometheus gone: the card says so.
    metrics.down();
    await world.advance(minute);
    expect(cards()).toHaveLength(updatesBefore + 2);
    expect(JSON.stringify(sloStatusBlock(cards().at(-1)!.slos!))).toContain('*checkout-availability*: could not be read at');
    expect(world.deps.incidents.findById(declared.id)?.cardTs).toBeTruthy();
    world.close();
  });
});

describe('the error budget policy', () => {
  it('tells the service team once when the budget is spent, and once when a tenth of it is back, whatever happens in between', async () => {
    const { world, metrics } = start();
    const day = 24 * hour;
    // Bad events over the 30-day window only: no burn-rate alert, just the budget.
    const windowBad = (share: number) => metrics.burn((range) => (range === 30 * day ? share : 0));
    const said = () =>
      world
        .callsTo('post')
        .filter(([channel]) => channel === alertTeams.checkout.channel)
        .map(([, message]) => (message as { text: string }).text);
    const evaluate = async () => {
      await evaluateSlos(world.deps);
      await world.runDueJobs();
    };

    windowBad(0.0005); // half the budget left
    await evaluate();
    expect(said()).toEqual([]);
    windowBad(0.0011); // 10% overspent
    await evaluate();
    expect(said()).toEqual([
      ':warning: *checkout-availability* (checkout-api) has spent its error budget: fewer than 99.9% of events were good over the last 30 days. Reliability work comes before risky changes until it recovers. `/incident slo checkout-api` shows it.',
    ]);
    // Hovering around none, unreadable for a while, overspent again: nothing more is said.
    for (const step of [() => windowBad(0.00099), () => metrics.down(), () => (metrics.up(), windowBad(0.0012))]) {
      step();
      await evaluate();
    }
    expect(said()).toHaveLength(1);
    windowBad(0.0008); // 20% back
    await evaluate();
    expect(said().at(-1)).toBe(':white_check_mark: *checkout-availability* (checkout-api) has error budget again: 20% of it is left.');
    windowBad(0.0011);
    await evaluate();
    expect(said()).toHaveLength(3);
    world.close();
  });
});
