import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { addAlertWorkspace, alertManager, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { drainJobs, notifications, pagesTo, postJson } from '../support/alert-replay.js';
import { eventually, defined } from '../support/eventually.js';
import { openModal } from '../support/incident-flows.js';
import { actionIds } from '../../src/slack/ids.js';
import { fingerprintOf } from '../../src/domain/alerts/fingerprint.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The bot with the alerts configuration, on a clock fixed at 2026-11-28 10:00 UTC. */
const start = async () => {
  const clock = fixedClock(Date.UTC(2026, 10, 28, 10, 0));
  harness = await startHarness({ clock, configYaml: alertsConfigYaml({ groupWait: '10s', secondLevel: true }), env: { ...alertTokens } });
  addAlertWorkspace(harness.slack);
  return { h: harness, clock };
};

const send = (h: Harness, alerts: unknown[]) => postJson(`${h.bot.url}/api/v2/alerts`, alerts, alertTokens.PROMETHEUS_ALERTS_TOKEN);
const critical = (alertname: string, instance: string, endsAt?: number) => ({
  labels: { alertname, service: 'search', severity: 'critical', instance },
  annotations: { summary: `${alertname} on ${instance}`, description: 'Queries fail', runbook_url: 'https://runbooks.example.com/search' },
  generatorURL: 'https://prometheus.example.com/graph?g0.expr=up',
  ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
});

/** A warning of the log pipeline's disk on host `logs-<host>`, resolved at `endsAt` when given. */
const disk = (host: number, endsAt?: number) => ({
  labels: { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `logs-${host}` },
  ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
});

describe('critical alerts', () => {
  it('page once when the page DM\'s answer is lost: the retry finds the DM Slack posted', async () => {
    const { h, clock } = await start();
    const { user } = alertTeams.search;
    // Carried out by Slack, then the connection is dropped: the bot cannot know the DM landed.
    h.slack.faults.failWhen('chat.postMessage', (args) => args.channel === user, 'lose');
    await send(h, [critical('SearchIndexUnavailable', 'search-1')]);
    await drainJobs(h);
    expect(h.slack.faults.hits).toBe(1);
    for (let second = 0; second < 30; second += 1) {
      clock.advance(1_000);
      await drainJobs(h);
    }
    expect(pagesTo(h, user).map((message) => message.text)).toEqual([expect.stringContaining('search · SearchIndexUnavailable')]);
  });

  it('page the owning team with the alert\'s words, open a card with Acknowledge and Declare, attach same-service alerts, and page again only after resolving', async () => {
    const { h, clock } = await start();
    const { user, channel } = alertTeams.search;
    await send(h, [critical('SearchIndexUnavailable', 'search-1')]);
    await drainJobs(h);
    const page = defined(pagesTo(h, user)[0]);
    expect(page.text).toContain('search · SearchIndexUnavailable');
    expect(JSON.stringify(page.blocks)).toContain('https://runbooks.example.com/search');
    const card = defined(h.slack.workspace.history(channel)[0]);
    expect(JSON.stringify(card.blocks)).toContain(actionIds.declareFromAlert);

    // A second critical on the same service attaches: no new page, no new message.
    const before = notifications(h).length;
    await send(h, [critical('SearchLatencyHigh', 'search-2')]);
    clock.advance(2_000);
    await drainJobs(h);
    expect(notifications(h).length).toBe(before);
    expect(JSON.stringify(h.slack.workspace.history(channel)[0]!.blocks)).toContain('2 firing');

    await h.slack.clickButton({ user, channel, messageTs: card.ts, actionId: actionIds.declareFromAlert });
    const modal = await eventually(() => openModal(h, user));
    expect(JSON.stringify(modal.blocks)).toContain('SearchIndexUnavailable on search-1');
    expect(JSON.stringify(modal.blocks)).toContain('"initial_options"');

    // Nobody acknowledged within the level's 5 minutes (Prometheus resends meanwhile): the policy's
    // next level is paged, with the same words.
    clock.advance(4 * 60_000);
    await send(h, [critical('SearchIndexUnavailable', 'search-1'), critical('SearchLatencyHigh', 'search-2')]);
    clock.advance(60_000);
    await drainJobs(h);
    expect(pagesTo(h, alertManager).map((message) => message.text)).toEqual([expect.stringContaining('search · SearchIndexUnavailable')]);

    await h.slack.clickButton({ user, channel, messageTs: card.ts, actionId: actionIds.acknowledgeAlert });
    await eventually(async () => {
      await drainJobs(h);
      expect(JSON.stringify(h.slack.workspace.history(channel)[0]!.blocks)).toContain(`acknowledged by <@${user}>`);
    });
    // Acknowledged: nobody is paged again while it fires.
    for (let minute = 0; minute < 30; minute += 3) {
      clock.advance(3 * 60_000);
      await send(h, [critical('SearchIndexUnavailable', 'search-1'), critical('SearchLatencyHigh', 'search-2')]);
      await drainJobs(h);
    }
    expect(pagesTo(h, alertManager)).toHaveLength(1);
    expect(pagesTo(h, user)).toHaveLength(1);

    // Both resolve: the card says so; a new critical afterwards pages again.
    clock.advance(60_000);
    await send(h, [critical('SearchIndexUnavailable', 'search-1', clock.now() - 1), critical('SearchLatencyHigh', 'search-2', clock.now() - 1)]);
    await drainJobs(h);
    expect(JSON.stringify(h.slack.workspace.history(channel)[0]!.blocks)).toContain('Resolved');
    await send(h, [critical('SearchIndexUnavailable', 'search-3')]);
    await drainJobs(h);
    expect(pagesTo(h, user)).toHaveLength(2);
    // The heartbeat group and the pages of other teams are untouched by all this.
    expect(pagesTo(h, alertTeams.platform.user)).toHaveLength(0);
  }, 60_000);
});

describe('a page in a flood', () => {
  it('is decided ahead of the backlog, once, and the backlog after it', async () => {
    const { h } = await start();
    const { user } = alertTeams.search;
    const batches = Array.from({ length: 400 }, (_, batch) => Array.from({ length: 64 }, (_, index) => disk(64 * batch + index)));
    // 25,600 warnings, eight requests in flight: far more than is folded while they arrive.
    for (let next = 0; next < batches.length; next += 8) await Promise.all(batches.slice(next, next + 8).map((batch) => send(h, batch)));
    await send(h, [critical('SearchIndexUnavailable', 'search-1')]);
    const fingerprint = fingerprintOf(critical('SearchIndexUnavailable', 'search-1').labels);
    await eventually(() => expect(h.bot.deps.alerts.find(fingerprint)?.disposition).toBe('paged'));
    // Decided while most of the flood still waited to be folded.
    expect(h.bot.deps.alerts.count()).toBeLessThan(12_800);

    await drainJobs(h);
    expect(h.bot.deps.alerts.count()).toBe(25_601);
    expect(h.bot.deps.alerts.find(fingerprint)?.receivedCount).toBe(1);
    expect(pagesTo(h, user)).toHaveLength(1);
  }, 120_000);
});

describe('warnings of a service whose critical is open', () => {
  it('attach to its card instead of notifying, do not keep it open once its criticals resolve, and then group on their own at once', async () => {
    const { h, clock } = await start();
    const { user, channel } = alertTeams.search;
    const slow = { labels: { alertname: 'SearchSlowQueries', service: 'search', severity: 'warning', instance: 'search-3' }, annotations: { summary: 'p99 over 2 s' } };
    await send(h, [critical('SearchIndexUnavailable', 'search-1')]);
    await drainJobs(h);
    expect(pagesTo(h, user)).toHaveLength(1);
    const before = notifications(h).length;

    // The warning joins the critical's card: no message of its own, nobody notified again.
    await send(h, [slow]);
    clock.advance(10_000);
    await drainJobs(h);
    expect(notifications(h).length).toBe(before);
    expect(h.slack.workspace.history(channel)).toHaveLength(1);
    const card = h.slack.workspace.history(channel)[0]!;
    expect(card.text).toContain('2 firing');
    // Listed with its own name: it is not the alert the card is about.
    expect(JSON.stringify(card.blocks)).toContain('search-3 · SearchSlowQueries: p99 over 2 s');

    // The critical resolves while the warning still fires: the card is resolved all the same, and
    // the next critical pages again rather than attaching to a group the warning kept open.
    clock.advance(60_000);
    await send(h, [critical('SearchIndexUnavailable', 'search-1', clock.now() - 1), slow]);
    clock.advance(10_000);
    await drainJobs(h);
    expect(JSON.stringify(h.slack.workspace.history(channel)[0]!.blocks)).toContain('Resolved');
    // The warning still fires: it leaves the resolved card for a warning group of its own, posted
    // once group_wait has passed, without waiting to be sent again.
    expect(h.slack.workspace.history(channel)[0]!.text).toContain('0 firing');
    clock.advance(60_000);
    await drainJobs(h);
    expect(h.slack.workspace.history(channel)).toHaveLength(2);
    expect(h.slack.workspace.history(channel)[1]!.text).toContain('SearchSlowQueries');
    expect(h.slack.workspace.history(channel)[1]!.text).toContain('1 firing');
    await send(h, [critical('SearchReplicaLost', 'search-2')]);
    await drainJobs(h);
    expect(pagesTo(h, user)).toHaveLength(2);
  }, 60_000);
});

describe('a warning that fires and resolves within group_wait', () => {
  it('posts nothing: there is nobody to tell', async () => {
    const { h, clock } = await start();
    await send(h, [disk(9)]);
    await drainJobs(h);
    clock.advance(5_000);
    await send(h, [disk(9, clock.now() - 1)]);
    clock.advance(60_000);
    await drainJobs(h);
    expect(h.bot.deps.alerts.find(fingerprintOf(disk(9).labels))?.status).toBe('resolved');
    expect(h.slack.workspace.history(alertTeams.platform.channel)).toHaveLength(0);
    expect(notifications(h)).toHaveLength(0);
  }, 60_000);
});

describe('warnings, timeouts and the heartbeat', () => {
  it('post a group\'s message once when the answer to its post is lost: the retry finds it and edits it from then on', async () => {
    const { h, clock } = await start();
    const channel = alertTeams.platform.channel;
    h.slack.faults.failWhen('chat.postMessage', (args) => args.channel === channel, 'lose');
    await send(h, [disk(1)]);
    clock.advance(10_000);
    await drainJobs(h);
    expect(h.slack.faults.hits).toBe(1);
    for (let second = 0; second < 10; second += 1) {
      clock.advance(1_000);
      await drainJobs(h);
    }
    expect(h.slack.workspace.history(channel)).toHaveLength(1);
    await send(h, [disk(2)]);
    clock.advance(10_000);
    await drainJobs(h);
    expect(h.slack.workspace.history(channel)).toHaveLength(1);
    expect(JSON.stringify(h.slack.workspace.history(channel)[0]!.blocks)).toContain('2 firing');
  }, 60_000);

  it('group warnings into one message edited in place; a firing alert without endsAt resolves after resolve_timeout', async () => {
    const { h, clock } = await start();
    await send(h, [disk(1), disk(2)]);
    await drainJobs(h);
    expect(h.slack.workspace.history(alertTeams.platform.channel)).toHaveLength(0);
    clock.advance(10_000);
    await drainJobs(h);
    await send(h, [disk(3)]);
    await drainJobs(h);
    // Edits of one message are spaced by edit_interval (2 s): the third alert shows after it.
    expect(JSON.stringify(h.slack.workspace.history(alertTeams.platform.channel)[0]!.blocks)).toContain('2 firing');
    clock.advance(2_000);
    await drainJobs(h);
    const messages = h.slack.workspace.history(alertTeams.platform.channel);
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]!.blocks)).toContain('3 firing');

    clock.advance(5 * 60_000 + 1);
    await drainJobs(h);
    expect(JSON.stringify(h.slack.workspace.history(alertTeams.platform.channel)[0]!.blocks)).toContain('Resolved');
    expect(h.slack.workspace.history(alertTeams.platform.channel)).toHaveLength(1);

    // Noise accounting: what was received and what became of it, per service and alert name.
    await h.slack.runSlashCommand({ user: alertTeams.platform.user, channel: alertTeams.platform.channel, command: '/incident', text: 'alerts log-pipeline' });
    const answer = await eventually(() => defined(h.slack.workspace.ephemerals.find((message) => message.user === alertTeams.platform.user)));
    expect(JSON.stringify(answer.blocks)).toContain('*log-pipeline · DiskSpaceLow*: 3 received (0 folded) · notified 3 · paged 0');
    await h.slack.runSlashCommand({ user: alertTeams.platform.user, channel: alertTeams.platform.channel, command: '/incident', text: 'alerts nosuch' });
    await eventually(() => expect(h.slack.workspace.ephemerals.some((message) => message.text.includes('No service `nosuch`'))).toBe(true));
  }, 60_000);

  it('never shows the heartbeat; pages when it goes missing, counted from the first one', async () => {
    const { h, clock } = await start();
    clock.advance(60 * 60_000);
    await drainJobs(h);
    expect(pagesTo(h, alertTeams.platform.user)).toHaveLength(0);
    for (let minute = 0; minute < 5; minute += 1) {
      await send(h, [{ labels: { alertname: 'Watchdog', severity: 'none' } }]);
      clock.advance(60_000);
      await drainJobs(h);
    }
    expect(notifications(h)).toHaveLength(0);
    clock.advance(10 * 60_000);
    await drainJobs(h);
    expect(pagesTo(h, alertTeams.platform.user).map((message) => message.text)).toEqual([expect.stringContaining('monitoring · Watchdog missing')]);
    // It stays one page while the heartbeat is missing; the next heartbeat resolves its card.
    clock.advance(60_000);
    await drainJobs(h);
    expect(pagesTo(h, alertTeams.platform.user)).toHaveLength(1);
    await send(h, [{ labels: { alertname: 'Watchdog', severity: 'none' } }]);
    await drainJobs(h);
    expect(JSON.stringify(h.slack.workspace.history(alertTeams.platform.channel)[0]!.blocks)).toContain('Resolved');
  }, 60_000);
});
