import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness.js';
import { alertBotPerTest } from '../support/alert-harness.js';
import { fixedClock } from '../support/clock.js';
import { alertTeams, alertTokens } from '../support/alerts-config.js';
import { drainJobs, notifications, pagesTo, postJson } from '../support/alert-replay.js';
import { defined, eventually } from '../support/eventually.js';
import { declareValues, ephemeralsFor, openModal } from '../support/incident-flows.js';
import { actionIds } from '../../src/slack/ids.js';

const start = alertBotPerTest({ groupWait: '10s', autoDeclare: { payments: '{ critical: sev1 }' } });

const send = (h: Harness, alerts: unknown[]) => postJson(`${h.bot.url}/api/v2/alerts`, alerts, alertTokens.PROMETHEUS_ALERTS_TOKEN);
const critical = (service: string, alertname: string, instance: string, endsAt?: number) => ({
  labels: { alertname, service, severity: 'critical', instance },
  annotations: { summary: `${alertname} on ${instance}`, description: 'Card authorisations fail' },
  ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
});
const incidentChannels = (h: Harness) => [...h.slack.workspace.conversations.values()].filter((c) => c.kind === 'channel' && c.name.startsWith('inc-'));
const timelineIn = async (h: Harness, channelId: string, user: string) => {
  await h.slack.runSlashCommand({ user, channel: channelId, command: '/incident', text: 'timeline' });
  return JSON.stringify(defined(ephemeralsFor(h, user).at(-1)).blocks);
};

describe('incidents from alerts', () => {
  it('declares once when the policy says so, pages once, links the card, and puts later alerts and the resolve on the timeline', async () => {
    const clock = fixedClock(Date.UTC(2026, 11, 1, 9, 0));
    const h = await start(clock);
    const { user, channel } = alertTeams.payments;
    const first = critical('payments', 'PaymentAuthorizationFailureRate', 'pay-1');
    await send(h, [first]);
    // The same batch delivered twice (a sender's retry): still one group, one incident.
    await send(h, [first]);
    await drainJobs(h);

    const incidents = h.bot.deps.incidents.listOpen();
    expect(incidents.map((incident) => [incident.severity, incident.title, incident.services])).toEqual([['SEV1', 'PaymentAuthorizationFailureRate on pay-1', ['payments']]]);
    const incidentChannel = defined(incidentChannels(h)[0]);
    expect(incidentChannels(h)).toHaveLength(1);
    // The alert's page is the page: SEV1 pages its services, but not the policy already paging.
    expect(pagesTo(h, user)).toHaveLength(1);
    // The person paged is in the incident's channel, which says why the bot declared it.
    expect(incidentChannel.members.has(user)).toBe(true);
    expect(h.slack.workspace.history(incidentChannel.id).map((message) => message.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Declared by the bot: the alert *payments · PaymentAuthorizationFailureRate on pay-1: PaymentAuthorizationFailureRate on pay-1* paged `payments-oncall`')]),
    );
    const card = defined(h.slack.workspace.history(channel)[0]);
    await eventually(async () => {
      await drainJobs(h);
      const blocks = JSON.stringify(h.slack.workspace.message(channel, card.ts)!.blocks);
      expect(blocks).toContain(`<#${incidentChannel.id}>`);
      expect(blocks).not.toContain(actionIds.declareFromAlert);
    });

    // Prometheus keeps resending; another alert of the service joins: no new page, no new incident,
    // no new message; one timeline entry for the new alert however often it repeats.
    const before = notifications(h).length;
    // Its summary tries to ping everyone: monitoring's words never become a live mention.
    const second = { ...critical('payments', 'PaymentGatewayErrors', 'pay-2'), annotations: { summary: '<!channel> gateway errors' } };
    // A warning of the service joins too: on the card and the timeline, not in a message of its own.
    const slow = (endsAt?: number) => ({ labels: { alertname: 'PaymentLatencyHigh', service: 'payments', severity: 'warning', instance: 'pay-3' }, annotations: { summary: 'p99 over 1 s' }, ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}) });
    for (let round = 0; round < 4; round += 1) {
      clock.advance(30_000);
      await send(h, [first, second, slow()]);
      await drainJobs(h);
    }
    expect(notifications(h).length).toBe(before);
    expect(h.bot.deps.incidents.listOpen()).toHaveLength(1);
    expect(pagesTo(h, user)).toHaveLength(1);

    clock.advance(30_000);
    await send(h, [critical('payments', 'PaymentAuthorizationFailureRate', 'pay-1', clock.now() - 1), critical('payments', 'PaymentGatewayErrors', 'pay-2', clock.now() - 1), slow(clock.now() - 1)]);
    await drainJobs(h);
    expect(JSON.stringify(h.slack.workspace.message(channel, card.ts)!.blocks)).toContain('Resolved');

    const timeline = await timelineIn(h, incidentChannel.id, user);
    expect(timeline).toContain('Alert fired and paged: payments · PaymentAuthorizationFailureRate on pay-1');
    expect(timeline).toContain('Alert joined: payments · PaymentGatewayErrors on pay-2: ‹!channel› gateway errors');
    expect(timeline).not.toContain('<!channel>');
    expect(timeline).toContain('Alert joined: payments · PaymentLatencyHigh on pay-3: p99 over 1 s');
    expect(timeline).toContain('All 3 alert(s) of payments · PaymentAuthorizationFailureRate resolved.');
    const entries = h.bot.deps.timeline.list(defined(incidents[0]).id).filter((entry) => entry.kind === 'alert');
    expect(entries).toHaveLength(4);

    // It fires again while the incident is still being worked on: a new card pages again, and joins
    // the same incident rather than declaring a second one.
    clock.advance(60_000);
    await send(h, [first]);
    await drainJobs(h);
    expect(pagesTo(h, user)).toHaveLength(2);
    expect(h.bot.deps.incidents.listOpen()).toHaveLength(1);
    expect(incidentChannels(h)).toHaveLength(1);
    expect(await timelineIn(h, incidentChannel.id, user)).toContain('Alert fired again: payments · PaymentAuthorizationFailureRate on pay-1');
    const newCard = defined(h.slack.workspace.history(channel).find((message) => message.ts !== card.ts));
    expect(JSON.stringify(newCard.blocks)).toContain(`<#${incidentChannel.id}>`);

    // A critical on a service whose policy does not declare only pages.
    await send(h, [critical('search', 'SearchIndexUnavailable', 'search-1')]);
    await drainJobs(h);
    expect(pagesTo(h, alertTeams.search.user)).toHaveLength(1);
    expect(h.bot.deps.incidents.listOpen()).toHaveLength(1);
  }, 60_000);

  it('an incident declared from the card is linked to the alert: what joins later goes on its timeline', async () => {
    const clock = fixedClock(Date.UTC(2026, 11, 1, 9, 0));
    const h = await start(clock);
    const { user, channel } = alertTeams.search;
    await send(h, [critical('search', 'SearchIndexUnavailable', 'search-1')]);
    await drainJobs(h);
    const card = defined(h.slack.workspace.history(channel)[0]);
    expect(h.bot.deps.incidents.listOpen()).toHaveLength(0);

    await h.slack.clickButton({ user, channel, messageTs: card.ts, actionId: actionIds.declareFromAlert });
    const form = await eventually(() => openModal(h, user));
    // Someone else opens the form from the same card before the first one is sent.
    const other = alertTeams.platform.user;
    h.slack.workspace.conversations.get(channel)!.members.add(other);
    await h.slack.clickButton({ user: other, channel, messageTs: card.ts, actionId: actionIds.declareFromAlert });
    const otherForm = await eventually(() => openModal(h, other));
    const submitted = await h.slack.submitView({ user, viewId: form.id, values: declareValues({ title: 'Search is down', severity: 'SEV2', services: ['search'], commander: user }) });
    expect(submitted.openView).toBeUndefined();
    const incidentChannel = await eventually(() => defined(incidentChannels(h)[0]));
    await eventually(async () => {
      await drainJobs(h);
      const blocks = JSON.stringify(h.slack.workspace.message(channel, card.ts)!.blocks);
      expect(blocks).toContain(`<#${incidentChannel.id}>`);
      expect(blocks).not.toContain(actionIds.declareFromAlert);
    });
    // The on-call already paged by the alert is not paged again by the incident.
    expect(pagesTo(h, user)).toHaveLength(1);

    const before = notifications(h).length;
    await send(h, [critical('search', 'SearchIndexUnavailable', 'search-1'), critical('search', 'SearchLatencyHigh', 'search-2')]);
    await drainJobs(h);
    expect(notifications(h).length).toBe(before);
    const timeline = await timelineIn(h, incidentChannel.id, user);
    expect(timeline).toContain('Alert in the alert group when declared: search · SearchIndexUnavailable on search-1');
    expect(timeline).toContain('Alert joined: search · SearchLatencyHigh on search-2');

    // A storm joining it: one entry per alert up to 20, then one line for the rest.
    await send(h, Array.from({ length: 40 }, (_, index) => critical('search', 'SearchShardDown', `shard-${index}`)));
    await drainJobs(h);
    const entries = h.bot.deps.timeline.list(h.bot.deps.incidents.listOpen()[0]!.id).filter((entry) => entry.kind === 'alert');
    expect(entries.filter((entry) => typeof entry.data.fingerprint === 'string')).toHaveLength(20);
    expect(entries.filter((entry) => entry.text.startsWith('More alerts joined search · SearchShardDown (over 20)'))).toHaveLength(1);
    expect(notifications(h).length).toBe(before);

    // The second form, sent now, is refused with where the incident is; nothing is declared twice.
    await h.slack.submitView({ user: other, viewId: otherForm.id, values: declareValues({ title: 'Search down again', services: ['search'], commander: other }) });
    await eventually(() => {
      const seen = [...ephemeralsFor(h, other), ...h.slack.workspace.history(h.slack.workspace.dmWith(other).id)].map((message) => message.text);
      expect(seen).toEqual(expect.arrayContaining([expect.stringContaining(`already INC-1 in <#${incidentChannel.id}>`)]));
    });
    expect(h.bot.deps.incidents.listOpen()).toHaveLength(1);
  }, 60_000);
});
