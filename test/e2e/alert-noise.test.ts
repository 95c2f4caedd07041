import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { addAlertWorkspace, alertManager, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { drainJobs, pagesTo, postJson } from '../support/alert-replay.js';
import { eventually, defined } from '../support/eventually.js';
import { ephemeralsFor, openModal } from '../support/incident-flows.js';
import { actionIds, inputIds } from '../../src/slack/ids.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const executives = 'C0EXECUTIV';
// Monday 30 November 2026; the digest is weekly, next Monday at 09:00.
const monday = Date.UTC(2026, 10, 30, 10, 0);

const start = async (clock: FixedClock) => {
  const extra = `channels: { executives: ${executives} }\ndigest: { cron: "0 9 * * 1", timezone: UTC }`;
  harness = await startHarness({ clock, configYaml: alertsConfigYaml({ groupWait: '10s', secondLevel: true, extra }), env: { ...alertTokens } });
  addAlertWorkspace(harness.slack);
  harness.slack.addChannel({ id: executives, name: 'executives', members: [], botIsMember: true });
  return harness;
};

const alert = (service: string, alertname: string, severity: string, instance: string, extra: Record<string, string> = {}) => ({
  labels: { alertname, service, severity, instance, ...extra },
  annotations: { summary: `${alertname} on ${instance}` },
});

/** One minute of the storm: Prometheus resends everything still firing. */
const round = () => [
  ...[1, 2, 3].map((n) => alert('checkout-api', 'DBConnectionTimeout', 'critical', `chk-${n}`, { db_cluster: 'mysql-primary' })),
  alert('orders-api', 'OrdersLatencyHigh', 'warning', 'orders-1'),
  alert('log-pipeline', 'DiskSpaceLow', 'warning', 'logs-1'),
  alert('log-pipeline', 'DiskSpaceLow', 'warning', 'logs-2'),
  alert('k8s-nodes', 'NodeNotReady', 'warning', 'node-1'),
  alert('search', 'SearchIndexUnavailable', 'critical', 'search-1'),
];

const blocksOf = (message: { blocks?: unknown }) => JSON.stringify(message.blocks ?? []);

describe('noise accounting', () => {
  it('counts a small storm (maintenance, a silence, one ignored and one acknowledged page) and shows it in /incident alerts, App Home and the weekly digest', async () => {
    const clock = fixedClock(monday);
    const h = await start(clock);
    const url = h.bot.url!;
    const send = (alerts: unknown[]) => postJson(`${url}/api/v2/alerts`, alerts, alertTokens.PROMETHEUS_ALERTS_TOKEN);
    const maintenance = await fetch(`${url}/api/maintenance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alertTokens.INCIDENT_API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'CHG-1', title: 'MySQL patching', services: ['db'], starts_at: new Date(monday).toISOString(), ends_at: new Date(monday + 2 * 3_600_000).toISOString() }),
    });
    expect(maintenance.status).toBe(201);

    // Minute 0: the first round; after group_wait the warnings are posted, and search is paged.
    await send(round());
    clock.advance(11_000);
    await drainJobs(h);
    const platform = alertTeams.platform;
    const nodeCard = defined(h.slack.workspace.history(platform.channel).find((message) => blocksOf(message).includes('NodeNotReady')));
    // The node alert is known noise: silenced from its card.
    await h.slack.clickButton({ user: platform.user, channel: platform.channel, messageTs: nodeCard.ts, actionId: actionIds.silenceAlert });
    const form = await eventually(() => openModal(h, platform.user));
    await h.slack.submitView({
      user: platform.user,
      viewId: form.id,
      values: {
        [inputIds.silenceMatchers]: { [inputIds.silenceMatchers]: 'service="k8s-nodes"\nalertname="NodeNotReady"' },
        [inputIds.silenceDuration]: { [inputIds.silenceDuration]: '240' },
        [inputIds.silenceReason]: { [inputIds.silenceReason]: 'Node pool being replaced' },
        [inputIds.silenceHoldsPages]: { [inputIds.silenceHoldsPages]: [] },
      },
    });
    await eventually(() => expect(ephemeralsFor(h, platform.user).some((e) => e.text.includes('Silenced until'))).toBe(true));

    // Minutes 1 to 4: the same alerts again. Nobody answers the search page.
    for (let minute = 1; minute <= 4; minute += 1) {
      clock.set(monday + minute * 60_000);
      await send(round());
      await drainJobs(h);
    }
    // Minute 5: the first level timed out (ignored); the second level is paged and acknowledges.
    clock.set(monday + 5 * 60_000);
    await drainJobs(h);
    const page = defined(pagesTo(h, alertManager)[0]);
    await h.slack.clickButton({ user: alertManager, channel: h.slack.workspace.dmWith(alertManager).id, messageTs: page.ts, actionId: actionIds.acknowledgeAlert });
    await eventually(() => expect(ephemeralsFor(h, alertManager).some((e) => e.text.includes('You acknowledged the alert'))).toBe(true));

    // /incident alerts: per alert, per source, per service, per person.
    await h.slack.runSlashCommand({ user: platform.user, channel: platform.channel, command: '/incident', text: 'alerts' });
    const report = blocksOf(await eventually(() => defined(ephemeralsFor(h, platform.user).find((e) => e.text.startsWith('Alert noise')))));
    const lines = [
      '1. *checkout-api · DBConnectionTimeout*: 15 received (12 folded) · notified 0 · paged 0 · held: maintenance 15',
      '2. *log-pipeline · DiskSpaceLow*: 10 received (8 folded) · notified 2 · paged 0',
      '*k8s-nodes · NodeNotReady*: 5 received (4 folded) · notified 1 · paged 0 · held: silenced 4',
      '*orders-api · OrdersLatencyHigh*: 5 received (4 folded) · notified 0 · paged 0 · held: dependency 5',
      '*search · SearchIndexUnavailable*: 5 received (4 folded) · notified 0 · paged 1',
    ];
    for (const line of lines) expect(report).toContain(line);
    expect(report).toContain('*prometheus*: 40 received (32 folded) · notified 3 · paged 1 · held: maintenance 15, dependency 5, silenced 4');
    expect(report).toContain('*log-pipeline*: 10 received (8 folded) · notified 2 · paged 0');
    expect(report).toContain(`<@${alertTeams.search.user}>: paged 1 · acknowledged 0 · ignored 1`);
    expect(report).toContain(`<@${alertManager}>: paged 1 · acknowledged 1 · ignored 0`);
    // One service: only its alerts, and who its alerts paged.
    await h.slack.runSlashCommand({ user: alertTeams.search.user, channel: alertTeams.search.channel, command: '/incident', text: 'alerts search' });
    const scoped = blocksOf(await eventually(() => defined(ephemeralsFor(h, alertTeams.search.user).find((e) => e.text.startsWith('Alert noise')))));
    expect(scoped).toContain('1. *search · SearchIndexUnavailable*');
    expect(scoped).not.toContain('DiskSpaceLow');
    expect(scoped).toContain(`<@${alertManager}>: paged 1 · acknowledged 1 · ignored 0`);

    // App Home: the viewer's team (from the escalation policy naming their schedule).
    await h.slack.openAppHome({ user: platform.user });
    const platformHome = await eventually(() => defined(h.slack.workspace.homeView(platform.user)));
    const platformText = blocksOf(platformHome);
    expect(platformText).toContain('Alert noise, last 7 days');
    expect(platformText).toContain('1. *log-pipeline · DiskSpaceLow*: 10 received (8 folded) · notified 2 · paged 0');
    expect(platformText).toContain('2. *k8s-nodes · NodeNotReady*: 5 received (4 folded) · notified 1 · paged 0 · held: silenced 4');
    expect(platformText).not.toContain('SearchIndexUnavailable');
    await h.slack.openAppHome({ user: alertTeams.search.user });
    const searchHome = blocksOf(await eventually(() => defined(h.slack.workspace.homeView(alertTeams.search.user))));
    expect(searchHome).toContain('1. *search · SearchIndexUnavailable*: 5 received (4 folded) · notified 0 · paged 1');
    expect(searchHome).toContain(`<@${alertTeams.search.user}>: paged 1 · acknowledged 0 · ignored 1`);

    // The weekly digest, next Monday: the 5 noisiest alerts and pages per person, by name.
    const digestJob = defined(h.bot.deps.jobs.pending('digest'));
    expect(new Date(digestJob.dueAt).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    clock.set(digestJob.dueAt);
    await drainJobs(h);
    const digest = defined(h.slack.workspace.history(executives).find((message) => message.text.startsWith('Incident digest')));
    const digestText = blocksOf(digest);
    expect(digestText).toContain('Your 5 noisiest alerts');
    for (const line of lines) expect(digestText).toContain(line);
    expect(digestText).toContain('alerts-manager: paged 1 · acknowledged 1 · ignored 0');
    expect(digestText).toContain('search-oncall: paged 1 · acknowledged 0 · ignored 1');
    expect(digestText).not.toContain(`<@${alertManager}>`);
  }, 60_000);
});
