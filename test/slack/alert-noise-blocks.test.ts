import { describe, expect, it } from 'vitest';
import type { NoiseReport, TeamNoise } from '../../src/app/alerts/alert-noise.js';
import { noiseLimits } from '../../src/app/alerts/alert-noise.js';
import { alertCounters, noCounts, type AlertCounts } from '../../src/domain/alerts/noise.js';
import { validateBlocks, validateView } from 'slack-emulator';
import { alertNoiseMessage, noiseDigestBlocks } from '../../src/slack/blocks/alert-noise.js';
import { homeView, maxHomeIncidents } from '../../src/slack/blocks/home.js';

const now = Date.UTC(2026, 10, 30, 9, 0);
const huge = `<!channel> @here <@U0SOMEONE> ${'x'.repeat(5000)}`;
const big = (): AlertCounts => Object.fromEntries(alertCounters.map((counter) => [counter, 9_999_999])) as AlertCounts;
const row = (index: number) => ({ sourceId: `${huge}${index}`, service: `${huge}${index}`, alertname: `${huge}${index}`, counts: big() });
const person = (index: number) => ({ userId: `U${index}`, paged: 9_999, acknowledged: 9_999, ignored: 9_999 });
const rows = (count: number) => Array.from({ length: count }, (_, index) => row(index));

/** Every mrkdwn text of the blocks, to look for what must never be live. */
const texts = (blocks: unknown): string => JSON.stringify(blocks);

describe('noise accounting blocks', () => {
  const report: NoiseReport = {
    service: null,
    since: now - 6 * 86_400_000,
    alerts: rows(noiseLimits.alerts),
    sources: rows(noiseLimits.sources),
    services: rows(noiseLimits.services),
    people: Array.from({ length: noiseLimits.people }, (_, index) => person(index)),
  };

  it('/incident alerts stays within a message however long the names and large the numbers, and names never ping', () => {
    const message = alertNoiseMessage(report);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(texts(message.blocks)).not.toContain('<!channel>');
    expect(texts(message.blocks)).not.toContain('<@U0SOMEONE>');
    expect(texts(message.blocks)).toContain('9,999,999 received (9,999,999 folded) · notified 9,999,999 · paged 9,999,999 · held: maintenance 9,999,999');
    expect(alertNoiseMessage({ ...report, alerts: [], sources: [], services: [], people: [] }).text).toContain('No alerts since');
  });

  it('leaves out what held nothing', () => {
    const quiet = { ...noCounts(), received: 3, folded: 1, silenced: 2 };
    const text = texts(alertNoiseMessage({ ...report, alerts: [{ ...row(1), service: 'db', alertname: 'Slow', counts: quiet }] }).blocks);
    expect(text).toContain('*db · Slow*: 3 received (1 folded) · notified 0 · paged 0 · held: silenced 2');
  });

  it('keeps the Home tab within 100 blocks with the most incidents and teams it shows', () => {
    const teams: TeamNoise[] = Array.from({ length: noiseLimits.homeTeams }, (_, index) => ({
      team: `t${index}`,
      name: huge,
      alerts: rows(noiseLimits.homeAlerts),
      people: Array.from({ length: noiseLimits.people }, (_, at) => person(at)),
    }));
    const incidents = { active: [], resolved: [], activeTotal: 0, resolvedTotal: 0 };
    const view = homeView(incidents, now, null, teams);
    expect(validateView(view, 'home')).toBeNull();
    expect(texts(view)).not.toContain('<!channel>');
    // The incident list's own worst case plus the noise blocks.
    expect(maxHomeIncidents + 8 + 2 + noiseLimits.homeTeams).toBeLessThanOrEqual(100);
  });

  it('keeps the digest sections within limits, by name', () => {
    const blocks = noiseDigestBlocks({
      since: now,
      alerts: rows(noiseLimits.digestAlerts).map((entry) => ({ service: entry.service, alertname: entry.alertname, counts: entry.counts })),
      people: Array.from({ length: noiseLimits.people }, (_, index) => ({ name: huge, paged: index, acknowledged: 0, ignored: index })),
      morePeople: 40,
    });
    expect(validateBlocks(blocks, 'message')).toEqual([]);
    expect(texts(blocks)).not.toContain('<!channel>');
    expect(texts(blocks)).toContain('…and 40 more');
  });
});
