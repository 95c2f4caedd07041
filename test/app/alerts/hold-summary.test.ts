import { describe, expect, it } from 'vitest';
import { holdSummaryKey } from '../../../src/app/alerts/apply-sighting.js';
import { receiveAlerts } from '../../../src/app/alerts/receive-alerts.js';
import { summarizeHold } from '../../../src/app/alerts/summarize-hold.js';
import type { OutboundMessage } from '../../../src/app/outbound.js';
import { fingerprintOf } from '../../../src/domain/alerts/fingerprint.js';
import { alertsConfigYaml, alertTeams } from '../../support/alerts-config.js';
import { fixedClock } from '../../support/clock.js';
import { useCaseWorld } from '../../support/use-case-deps.js';

// A change-management tool names the window; monitoring names the alerts: neither may ping a channel.
const window = `{ id: chg-9, title: "Patch night <!channel>", services: [db], starts_at: "2026-11-28T22:00:00Z", ends_at: "2026-11-28T23:00:00Z" }`;

describe('the summary when a maintenance window ends', () => {
  it('names what was held, as written, without a live @channel or @here', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 28, 22, 30));
    const world = useCaseWorld({ configYaml: alertsConfigYaml({ alertsExtra: `  maintenance_windows: [${window}]` }), clock });
    const labels = { alertname: 'Replication<!here>Lag', service: 'db', severity: 'warning' };
    receiveAlerts(world.deps, { sourceId: 'prometheus', alerts: [{ fingerprint: fingerprintOf(labels), labels, annotations: {}, startsAt: 0, endsAt: null, generatorUrl: null }] });
    clock.advance(30 * 60_000);
    await summarizeHold(world.deps, world.deps.jobs.pending(holdSummaryKey('chg-9'))!);

    const lines = world.callsTo('post').filter(([channel]) => channel === alertTeams.dba.channel).map((args) => (args.at(-1) as OutboundMessage & { kind: 'line' }).text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Maintenance *Patch night @channel* ended. It held 1 alert(s)');
    expect(lines[0]).toContain('Most held: db · Replication@hereLag ×1');
    expect(lines[0]).not.toContain('<!');
    world.close();
  });
});
