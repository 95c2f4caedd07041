import { afterEach, describe, expect, it } from 'vitest';
import { SliUnavailable, type SliSource } from '../../../src/app/slo/slo-ports.js';
import { sloReport } from '../../../src/app/slo/slo-report.js';
import type { Slo } from '../../../src/domain/slo/error-budget.js';
import { sloReportMessage } from '../../../src/slack/blocks/slo-report.js';
import { postDigest, scheduleDigest } from '../../../src/app/communication/post-digest.js';
import { jobKeys } from '../../../src/app/job-keys.js';
import { declareIncident } from '../../../src/app/incident/declare-incident.js';
import { checkoutIncident } from './checkout-incident.js';
import { changeStatus } from '../../../src/app/incident/change-status.js';
import type { Digest } from '../../../src/domain/communication/digest.js';
import { digestMessage } from '../../../src/slack/blocks/communications.js';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-deps.js';

const configYaml = `
services: [{ id: checkout-api }, { id: search }]
prometheus: { url: "http://prometheus.invalid:9090" }
slos:
  - { id: checkout-availability, service: checkout-api, objective: 99.9, good: 'good[$window]', total: 'total[$window]' }
  - { id: search-latency, service: search, objective: 99, window: 7d, good: 'fast[$window]', total: 'all[$window]' }
`;
const hour = 3_600_000;

let world: UseCaseWorld | undefined;
afterEach(() => world?.close());

/** Readings by SLO and range, as Prometheus would give them; a missing one is "not reachable". */
const readings = (table: Record<string, Record<number, { good: number; total: number }>>): { source: SliSource; asked: [string, number][] } => {
  const asked: [string, number][] = [];
  const source: SliSource = {
    read: async (slo: Slo, rangeMs: number) => {
      asked.push([slo.id, rangeMs]);
      const reading = table[slo.id]?.[rangeMs];
      if (!reading) throw new SliUnavailable('Prometheus at prometheus.invalid:9090 could not be reached');
      return reading;
    },
  };
  return { source, asked };
};

/** The mrkdwn of every section and context block, a line each. */
const text = (message: ReturnType<typeof sloReportMessage>) =>
  message.blocks
    .map((block) => {
      const { text: own, elements } = block as { text?: { text?: string }; elements?: { text?: string }[] };
      return own?.text ?? elements?.map((element) => element.text ?? '').join(' ') ?? '';
    })
    .join('\n');

describe('/incident slo: error budgets read from Prometheus', () => {
  it('reads each SLO over its window, the last hour and six hours, and shows what is left', async () => {
    const window = 28 * 24 * hour;
    const { source, asked } = readings({
      'checkout-availability': { [window]: { good: 99_940, total: 100_000 }, [hour]: { good: 980, total: 1000 }, [6 * hour]: { good: 9_990, total: 10_000 } },
      'search-latency': { [7 * 24 * hour]: { good: 0, total: 0 }, [hour]: { good: 0, total: 0 }, [6 * hour]: { good: 0, total: 0 } },
    });
    world = useCaseWorld({ configYaml, slis: source });
    const report = await sloReport(world.deps);
    expect(asked).toEqual(expect.arrayContaining([['checkout-availability', window], ['checkout-availability', hour], ['checkout-availability', 6 * hour]]));
    expect(report.rows[0]!.budget!.remaining).toBeCloseTo(0.4, 6);
    expect(report.rows[0]!.burnRates![0]!.rate).toBeCloseTo(20, 6);
    const shown = text(sloReportMessage(report));
    expect(shown).toContain('*checkout-availability* · checkout-api · 99.9% over 28d');
    expect(shown).toContain(':large_yellow_circle: at risk · SLI 99.940% · 40% of the error budget left (16 min of 40 min of full outage)');
    expect(shown).toContain('burning 20× over the last hour, 1.0× over the last 6h');
    expect(shown).toContain('*search-latency* · search · 99% over 7d\n:white_circle: no events: nothing was counted over the window');
  });

  it('shows an overspent budget as spent, below zero', async () => {
    const window = 28 * 24 * hour;
    const reading = { good: 99_700, total: 100_000 };
    world = useCaseWorld({ configYaml, slis: readings({ 'checkout-availability': { [window]: reading, [hour]: reading, [6 * hour]: reading } }).source });
    const shown = text(sloReportMessage(await sloReport(world.deps, { service: 'checkout-api' })));
    expect(shown).toContain(':red_circle: budget spent · SLI 99.700% · error budget overspent by 200% (1 h 21 min of full outage beyond the 40 min allowed)');
    expect(shown).not.toContain('search-latency');
  });

  it('says which SLO could not be read and why, and still shows the others', async () => {
    const week = 7 * 24 * hour;
    const ok = { good: 1000, total: 1000 };
    world = useCaseWorld({ configYaml, slis: readings({ 'search-latency': { [week]: ok, [hour]: ok, [6 * hour]: ok } }).source });
    const shown = text(sloReportMessage(await sloReport(world.deps)));
    expect(shown).toContain('*checkout-availability* · checkout-api · 99.9% over 28d\n:warning: could not be read: Prometheus at prometheus.invalid:9090 could not be reached');
    expect(shown).toContain(':large_green_circle: healthy · SLI 100.000% · 100% of the error budget left');
  });

  it('answers a service without SLOs, and a workspace without any, with what to do', async () => {
    world = useCaseWorld({ configYaml });
    expect(sloReportMessage(await sloReport(world.deps, { service: 'payments' })).text).toBe('No SLO is about payments.');
    world.close();
    world = useCaseWorld({});
    expect(text(sloReportMessage(await sloReport(world.deps)))).toContain('No SLOs are configured. Add `slos:` (and `prometheus:`) to incident-bot.yml');
  });
});

describe('the digest: error budgets', () => {
  it('lists every SLO with the budget it has left, the emptiest first, and says which could not be read', async () => {
    const window = 28 * 24 * hour;
    const { source, asked } = readings({ 'checkout-availability': { [window]: { good: 99_700, total: 100_000 } } });
    world = useCaseWorld({ configYaml: `${configYaml}channels: { executives: C0EXECS }\n`, slis: source });
    scheduleDigest(world.deps);
    await postDigest(world.deps, world.deps.jobs.pending(jobKeys.digest)!);
    const [channel, message] = world.callsTo('post').at(-1)! as [string, { kind: 'digest'; digest: Digest }];
    expect(channel).toBe('C0EXECS');
    expect(message.digest.sloBudgets).toEqual([
      { sloId: 'checkout-availability', service: 'checkout-api', remaining: expect.closeTo(-2, 6), state: 'exhausted', problem: null },
      { sloId: 'search-latency', service: 'search', remaining: null, state: 'no_events', problem: 'Prometheus at prometheus.invalid:9090 could not be reached' },
    ]);
    // One query per SLO: its window, no burn rates.
    expect(asked.sort()).toEqual([['checkout-availability', window], ['search-latency', 7 * 24 * hour]]);
    const shown = JSON.stringify(digestMessage(message.digest, world.clock.now()).blocks);
    expect(shown).toContain(
      '*Error budgets*\\n• checkout-availability (checkout-api): :red_circle: budget spent, overspent by 200%\\n• search-latency (search): :warning: could not be read (Prometheus at prometheus.invalid:9090 could not be reached)',
    );
  });

  it('has no budgets section when no SLO is configured', async () => {
    world = useCaseWorld({ configYaml: 'channels: { executives: C0EXECS }\n' });
    scheduleDigest(world.deps);
    await postDigest(world.deps, world.deps.jobs.pending(jobKeys.digest)!);
    const [, message] = world.callsTo('post').at(-1)! as [string, { digest: Digest }];
    expect(message.digest.sloBudgets).toBeNull();
    expect(JSON.stringify(digestMessage(message.digest, world.clock.now()).blocks)).not.toContain('Error budgets');
  });
});

describe('the postmortem draft: what the incident cost its SLOs', () => {
  it('reads each SLO of the incident\'s services over the incident, as of its resolution, and writes it in the draft', async () => {
    const asked: { slo: string; rangeMs: number; at: number }[] = [];
    world = useCaseWorld({
      configYaml,
      slis: {
        read: async (slo, rangeMs, at) => {
          asked.push({ slo: slo.id, rangeMs, at });
          return { good: 961, total: 1000 };
        },
      },
    });
    const declared = await declareIncident(world.deps, checkoutIncident);
    await world.advance(2 * hour);
    await changeStatus(world.deps, { incidentId: declared.id, to: 'resolved', actorId: 'U0COMMANDR' });
    await world.runDueJobs();
    // Only the incident's service's SLO, over the two hours it lasted, as of its resolution.
    expect(asked).toEqual([{ slo: 'checkout-availability', rangeMs: 2 * hour, at: world.clock.now() }]);
    const markdown = world.deps.postmortems.find(declared.id)!.markdown;
    expect(markdown).toContain(
      '## Error budget\n\n_What the incident cost each SLO of its services, from start to resolution, had traffic been as usual._\n\n' +
        '- **checkout-availability** (99.9% over 28-day windows): 96.100% good while it lasted, burning 39.0×: about 11.6% of the 28-day error budget.',
    );
  });
});
