import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { drainJobs, notifications, pagesTo, postJson } from '../support/alert-replay.js';
import { eventually, defined } from '../support/eventually.js';
import { ephemeralsFor, openModal } from '../support/incident-flows.js';
import { actionIds, inputIds } from '../../src/slack/ids.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async (clock: FixedClock) => {
  harness = await startHarness({ clock, configYaml: alertsConfigYaml({ groupWait: '10s' }), env: { ...alertTokens } });
  addAlertWorkspace(harness.slack);
  return harness;
};

const send = async (h: Harness, clock: FixedClock, alerts: unknown[]) => {
  await postJson(`${h.bot.url}/api/v2/alerts`, alerts, alertTokens.PROMETHEUS_ALERTS_TOKEN);
  await drainJobs(h);
  // Past group_wait: whatever would be notified is.
  clock.advance(11_000);
  await drainJobs(h);
};
const alert = (service: string, alertname: string, severity: string, instance = `${service}-1`) => ({
  labels: { alertname, service, severity, instance },
  annotations: { summary: `${alertname} on ${instance}` },
});
const silenceValues = (matchers: string, options: { minutes?: string; holdsPages?: boolean } = {}) => ({
  [inputIds.silenceMatchers]: { [inputIds.silenceMatchers]: matchers },
  [inputIds.silenceDuration]: { [inputIds.silenceDuration]: options.minutes ?? '60' },
  [inputIds.silenceReason]: { [inputIds.silenceReason]: 'Known issue, fix deploying' },
  [inputIds.silenceHoldsPages]: { [inputIds.silenceHoldsPages]: options.holdsPages ? ['holds_pages'] : [] },
});

describe('silences from Slack', () => {
  it('hold matching warnings and criticals while they last, refuse a tier-1 page without the tick, and end by Expire or on their own', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 30, 10, 0));
    const h = await start(clock);
    const search = alertTeams.search;
    const payments = alertTeams.payments;

    await send(h, clock, [alert('search', 'DiskFull', 'warning')]);
    const card = defined(h.slack.workspace.history(search.channel)[0]);
    expect(JSON.stringify(card.blocks)).toContain(actionIds.silenceAlert);

    // Silence… opens the form with the alert's labels as matchers.
    await h.slack.clickButton({ user: search.user, channel: search.channel, messageTs: card.ts, actionId: actionIds.silenceAlert });
    const form = await eventually(() => openModal(h, search.user));
    const prefilled = JSON.stringify(form.blocks);
    expect(prefilled).toContain('alertname=\\"DiskFull\\"');
    expect(prefilled).toContain('service=\\"search\\"');

    // A matcher that is not one is answered inline; the form stays open.
    const bad = await h.slack.submitView({ user: search.user, viewId: form.id, values: silenceValues('alertname DiskFull') });
    expect(bad.body).toMatchObject({ response_action: 'errors', errors: { [inputIds.silenceMatchers]: expect.stringContaining('is not a matcher') } });

    const created = await h.slack.submitView({ user: search.user, viewId: form.id, values: silenceValues('service="search"\nalertname=~"Search.*"') });
    expect(created.openView).toBeUndefined();
    await eventually(() => expect(ephemeralsFor(h, search.user).some((e) => e.text.includes('Silenced until'))).toBe(true));

    // While it lasts: a matching warning and a matching critical are recorded, never notified or paged.
    const before = notifications(h).length;
    await send(h, clock, [alert('search', 'SearchSlow', 'warning'), alert('search', 'SearchDown', 'critical')]);
    expect(notifications(h).length).toBe(before);
    expect(pagesTo(h, search.user)).toHaveLength(0);
    // Something the silence does not match still notifies.
    await send(h, clock, [alert('search', 'IndexLag', 'warning')]);
    expect(notifications(h).length).toBe(before + 1);

    // A silence that could hold a tier-1 page: refused inline without the tick, accepted with it.
    await h.slack.clickButton({ user: search.user, channel: search.channel, messageTs: card.ts, actionId: actionIds.silenceAlert });
    const second = await eventually(() => openModal(h, search.user));
    const refused = await h.slack.submitView({ user: search.user, viewId: second.id, values: silenceValues('service="payments"', { minutes: '240' }) });
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { [inputIds.silenceHoldsPages]: expect.stringContaining('tier-1 service payments') } });
    const accepted = await h.slack.submitView({ user: search.user, viewId: second.id, values: silenceValues('service="payments"', { minutes: '240', holdsPages: true }) });
    expect(accepted.openView).toBeUndefined();
    await send(h, clock, [alert('payments', 'PaymentsDown', 'critical')]);
    expect(pagesTo(h, payments.user)).toHaveLength(0);

    // /incident silences lists both; Expire ends the payments one, and what it held still fires: paged.
    await h.slack.runSlashCommand({ user: search.user, channel: h.general, command: '/incident', text: 'silences' });
    const list = await eventually(() => defined(ephemeralsFor(h, search.user).find((e) => JSON.stringify(e.blocks ?? []).includes('payments'))));
    const listed = JSON.stringify(list.blocks);
    expect(listed).toContain('holds pages');
    expect(listed).toContain('Search.*');
    const paymentsSilence = defined((list.blocks as { block_id?: string; text?: { text: string } }[]).find((block) => block.text?.text.includes('payments')));
    await h.slack.clickButton({ user: search.user, channel: h.general, messageTs: list.ts, actionId: actionIds.expireSilence, ...(paymentsSilence.block_id ? { blockId: paymentsSilence.block_id } : {}) });
    await eventually(async () => {
      await drainJobs(h);
      expect(pagesTo(h, payments.user)).toHaveLength(1);
    });
    await h.slack.runSlashCommand({ user: search.user, channel: h.general, command: '/incident', text: 'silences' });
    const after = defined(ephemeralsFor(h, search.user).at(-1));
    expect(JSON.stringify(after.blocks)).not.toContain('payments');
    expect(JSON.stringify(after.blocks)).toContain('Search.*');

    // Monitoring keeps resending while the search silence lasts: still nothing.
    clock.set(Date.UTC(2026, 10, 30, 10, 58));
    await send(h, clock, [alert('search', 'SearchSlow', 'warning'), alert('search', 'SearchDown', 'critical')]);
    expect(pagesTo(h, search.user)).toHaveLength(0);
    // The noise accounting counts what is silenced.
    await h.slack.runSlashCommand({ user: search.user, channel: h.general, command: '/incident', text: 'alerts search' });
    expect(JSON.stringify(defined(ephemeralsFor(h, search.user).at(-1)).blocks)).toContain('*search · SearchDown*: 2 received (1 folded) · notified 0 · paged 0 · held: silenced 2');
    // It runs out on its own after its hour: what it held and still fires is notified and paged at once.
    const beforeExpiry = notifications(h).length;
    clock.set(Date.UTC(2026, 10, 30, 11, 1));
    await drainJobs(h);
    clock.advance(11_000);
    await drainJobs(h);
    expect(pagesTo(h, search.user)).toHaveLength(1);
    // The warning it held comes back on the critical's card (a warning of a service whose critical is
    // open attaches to it), not in a message of its own.
    const searchCard = defined(h.slack.workspace.history(search.channel).find((message) => message.text?.includes('SearchDown')));
    expect(searchCard.text).toContain('2 firing');
    expect(JSON.stringify(searchCard.blocks)).toContain('SearchSlow');
    expect(notifications(h).length).toBeGreaterThan(beforeExpiry);

  });

  it('are kept to the people permissions.silence names: Silence… answers anyone else privately, without a form', async () => {
    const clock = fixedClock(Date.UTC(2026, 10, 30, 10, 0));
    const search = alertTeams.search;
    const h = (harness = await startHarness({ clock, configYaml: alertsConfigYaml({ groupWait: '10s', extra: `permissions: { silence: [${alertTeams.platform.user}] }` }), env: { ...alertTokens } }));
    addAlertWorkspace(h.slack);
    await send(h, clock, [alert('search', 'DiskFull', 'warning')]);
    const card = defined(h.slack.workspace.history(search.channel)[0]);
    await h.slack.clickButton({ user: search.user, channel: search.channel, messageTs: card.ts, actionId: actionIds.silenceAlert });
    expect(ephemeralsFor(h, search.user).at(-1)?.text).toBe(`:warning: Only <@${alertTeams.platform.user}> may create or expire alert silences.`);
    expect(h.slack.workspace.topModal(search.user)).toBeUndefined();
    expect(h.bot.deps.alerts.activeSilences(clock.now())).toEqual([]);
  });
});
