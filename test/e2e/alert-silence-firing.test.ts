import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness.js';
import { alertBotPerTest } from '../support/alert-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { alertManager, alertTeams, alertTokens } from '../support/alerts-config.js';
import { drainJobs, notifications, pagesTo, postJson } from '../support/alert-replay.js';
import { defined, eventually } from '../support/eventually.js';
import { ephemeralsFor, openModal } from '../support/incident-flows.js';
import { actionIds, inputIds } from '../../src/slack/ids.js';

const start = alertBotPerTest({ groupWait: '10s', secondLevel: true });

const alert = (service: string, alertname: string, severity: string, instance: string) => ({
  labels: { alertname, service, severity, instance },
  annotations: { summary: `${alertname} on ${instance}` },
});
const firing = [
  alert('search', 'DiskFull', 'warning', 'search-1'),
  alert('search', 'DiskFull', 'warning', 'search-2'),
  alert('search', 'SearchDown', 'critical', 'search-1'),
  alert('payments', 'PaymentsDown', 'critical', 'pay-1'),
];
const send = async (h: Harness, clock: FixedClock) => {
  await postJson(`${h.bot.url}/api/v2/alerts`, firing, alertTokens.PROMETHEUS_ALERTS_TOKEN);
  await drainJobs(h);
  clock.advance(11_000);
  await drainJobs(h);
};
const silenceValues = (matchers: string, holdsPages = false) => ({
  [inputIds.silenceMatchers]: { [inputIds.silenceMatchers]: matchers },
  [inputIds.silenceDuration]: { [inputIds.silenceDuration]: '60' },
  [inputIds.silenceReason]: { [inputIds.silenceReason]: 'Known, fix rolling out' },
  [inputIds.silenceHoldsPages]: { [inputIds.silenceHoldsPages]: holdsPages ? ['holds_pages'] : [] },
});
const blocksOf = (h: Harness, channel: string, ts: string) => JSON.stringify(h.slack.workspace.message(channel, ts)!.blocks);

/** Silence… on a message, the form sent; returns what the bot answered. */
const silenceFrom = async (h: Harness, user: string, channel: string, ts: string, matchers: string, holdsPages = false) => {
  const answers = () => ephemeralsFor(h, user).filter((message) => message.text.includes('Silenced until'));
  const before = answers().length;
  await h.slack.clickButton({ user, channel, messageTs: ts, actionId: actionIds.silenceAlert });
  const form = await eventually(() => openModal(h, user));
  const sent = await h.slack.submitView({ user, viewId: form.id, values: silenceValues(matchers, holdsPages) });
  expect(sent.openView).toBeUndefined();
  return eventually(() => defined(answers()[before]));
};

describe('a new silence and the alerts already firing', () => {
  it('silences firing warnings in place, holds an open page only when told it holds pages, and pages again when it ends', async () => {
    const clock = fixedClock(Date.UTC(2026, 11, 1, 10, 0));
    const h = await start(clock);
    const search = alertTeams.search;
    const payments = alertTeams.payments;
    await send(h, clock);
    const [searchCard, warnings] = [0, 1].map((index) => defined(h.slack.workspace.history(search.channel)[index]));
    expect(JSON.stringify(searchCard!.blocks)).toContain('SearchDown');
    expect(JSON.stringify(warnings!.blocks)).toContain('DiskFull');
    const paymentsCard = defined(h.slack.workspace.history(payments.channel)[0]);
    expect(pagesTo(h, search.user)).toHaveLength(1);
    expect(pagesTo(h, payments.user)).toHaveLength(1);
    const before = notifications(h).length;

    // Both firing warnings are silenced now: their message is edited, nothing is posted.
    const first = await silenceFrom(h, search.user, search.channel, warnings!.ts, 'service="search"\nalertname="DiskFull"');
    expect(first.text).toContain('2 alert(s) already firing are silenced now.');
    await drainJobs(h);
    expect(blocksOf(h, search.channel, warnings!.ts)).toContain('2 firing* (2 silenced)');
    expect(blocksOf(h, search.channel, warnings!.ts)).toContain(':no_bell:');

    // Without the tick, a silence matching a (tier-2) critical leaves its open page running.
    const second = await silenceFrom(h, search.user, search.channel, searchCard!.ts, 'service="search"\nalertname="SearchDown"');
    expect(second.text).not.toContain('open page');
    // With the tick, covering everything on the payments card: its page stops escalating.
    const third = await silenceFrom(h, payments.user, payments.channel, paymentsCard.ts, 'service="payments"', true);
    expect(third.text).toContain('1 open page(s) stop escalating until it ends');
    await drainJobs(h);
    expect(blocksOf(h, payments.channel, paymentsCard.ts)).toContain('Page held by a silence until');
    expect(notifications(h).length).toBe(before);

    // Five minutes without an acknowledgement (monitoring resending meanwhile): search's page reaches
    // the second level, payments' does not.
    clock.advance(4 * 60_000);
    await send(h, clock);
    clock.advance(60_000);
    await drainJobs(h);
    const escalated = pagesTo(h, alertManager).map((page) => page.text);
    expect(escalated).toEqual([expect.stringContaining('search · SearchDown')]);
    expect(notifications(h).length).toBe(before + 1);

    // The payments silence is expired while its alert still fires: paged again, from the first level.
    await h.slack.runSlashCommand({ user: payments.user, channel: h.general, command: '/incident', text: 'silences' });
    const list = await eventually(() => defined(ephemeralsFor(h, payments.user).find((e) => JSON.stringify(e.blocks ?? []).includes('payments'))));
    const row = defined((list.blocks as { block_id?: string; text?: { text: string } }[]).find((block) => block.text?.text.includes('payments')));
    await h.slack.clickButton({ user: payments.user, channel: h.general, messageTs: list.ts, actionId: actionIds.expireSilence, ...(row.block_id ? { blockId: row.block_id } : {}) });
    await eventually(async () => {
      await drainJobs(h);
      expect(pagesTo(h, payments.user)).toHaveLength(2);
    });
    expect(blocksOf(h, payments.channel, paymentsCard.ts)).not.toContain('Page held by a silence');
    expect(pagesTo(h, alertManager)).toHaveLength(1);
  }, 60_000);
});
