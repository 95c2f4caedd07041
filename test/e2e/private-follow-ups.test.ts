import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { botMessages, declareIncident, ephemeralsFor, readable } from '../support/incident-flows.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const secret = 'Rotate the leaked signing keys';

/** A private incident with one overdue follow-up, recorded by its reporter in its private channel. */
const privateIncidentWithFollowUp = async () => {
  const { channel } = await declareIncident(h, { title: 'Leaked credentials', private: true });
  await h.slack.runSlashCommand({ user: people.reporter, channel: channel.id, command: '/incident', text: `followup ${secret} 2020-01-02` });
  await eventually(() => expect(botMessages(h, channel.id).some((message) => message.text.includes(secret))).toBe(true));
  const incident = h.bot.deps.incidents.findByChannel(channel.id)!;
  return { channel, incident, followUp: h.bot.deps.followUps.listForIncident(incident.id)[0]! };
};

/** Runs `/incident followups <which>` in #general and returns the list the person was shown. */
const followUpsShown = async (user: string, which: string) => {
  const before = ephemeralsFor(h, user).length;
  await h.slack.runSlashCommand({ user, channel: h.general, command: '/incident', text: `followups ${which}` });
  return eventually(() => {
    const shown = ephemeralsFor(h, user).slice(before).find((e) => e.text.includes('follow-ups'));
    expect(shown).toBeDefined();
    return shown!;
  });
};

describe('follow-ups of a private incident', () => {
  it('are not listed to someone outside the incident by `followups all` or `overdue`', async () => {
    await privateIncidentWithFollowUp();
    for (const which of ['all', 'overdue']) {
      const shown = await followUpsShown(people.bystander, which);
      expect(readable(shown)).not.toContain(secret);
      expect(readable(shown)).not.toContain('INC-1');
    }
    // The people in it still see it.
    expect(readable(await followUpsShown(people.commander, 'all'))).toContain(secret);
    expect(readable(await followUpsShown(people.reporter, 'overdue'))).toContain(secret);
  });

  it('are listed to their owner even when the owner is not otherwise in the incident', async () => {
    const { channel } = await declareIncident(h, { title: 'Leaked credentials', private: true });
    await h.slack.runSlashCommand({ user: people.reporter, channel: channel.id, command: '/incident', text: `followup Audit the token scopes <@${people.ops}|dave>` });
    await eventually(() => expect(botMessages(h, channel.id).some((message) => message.text.includes('Audit the token scopes'))).toBe(true));
    expect(readable(await followUpsShown(people.ops, 'mine'))).toContain('Audit the token scopes');
    expect(readable(await followUpsShown(people.bystander, 'all'))).not.toContain('Audit the token scopes');
  });

  it('cannot be completed with a Done button by someone who has since left the incident', async () => {
    const { channel, followUp } = await privateIncidentWithFollowUp();
    // The commander sees the list, then hands command over and is no longer in the incident.
    const list = await followUpsShown(people.commander, 'all');
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: `handover <@${people.scribe}|carol>` });
    await eventually(() => expect(h.bot.deps.incidents.findByChannel(channel.id)!.roles.commander).toBe(people.scribe));
    const postedBefore = botMessages(h, channel.id).length;

    const click = await h.slack.clickButton({ user: people.commander, channel: h.general, messageTs: list.ts, actionId: actionIds.completeFollowUp, value: followUp.id });
    expect(click.status).toBe(200);
    await eventually(() => expect(ephemeralsFor(h, people.commander).some((e) => e.text.includes('no longer exists'))).toBe(true));
    expect(h.bot.deps.followUps.findById(followUp.id)!.status).toBe('open');
    expect(botMessages(h, channel.id)).toHaveLength(postedBefore);

    // Someone still in it can complete it from the same kind of list.
    const reporterList = await followUpsShown(people.reporter, 'all');
    await h.slack.clickButton({ user: people.reporter, channel: h.general, messageTs: reporterList.ts, actionId: actionIds.completeFollowUp, value: followUp.id });
    await eventually(() => expect(h.bot.deps.followUps.findById(followUp.id)!.status).toBe('done'));
  });
});
