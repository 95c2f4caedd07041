import { afterEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation } from 'slack-emulator';
import { declareIncident, ephemeralsFor } from '../support/incident-flows.js';

let h: Harness;
afterEach(() => h.close());

const command = (channel: Conversation, text: string, user: string = people.commander) =>
  h.slack.runSlashCommand({ user, channel: channel.id, command: '/incident', text });
const drafts = () =>
  [...h.slack.workspace.files.values()].filter((file) => file.completed && file.name.endsWith('-postmortem.md')).map((file) => file.upload?.bytes.toString('utf8') ?? '');

describe('people by name, not by id', () => {
  it('the postmortem draft names people by display name, and follows a profile change (user_change)', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h, { title: 'Queue backlog' });
    channel.members.add(people.ops);
    await h.slack.postMessage({ user: people.ops, channel: channel.id, text: `Asked <@${people.scribe}> to check the consumers` });
    await command(channel, `role ops <@${people.ops}|dave>`);
    await command(channel, 'postmortem');
    const first = await eventually(() => defined(drafts()[0]));
    expect(first).toContain('- Incident Commander: @bob (');
    expect(first).toContain('- Operations Lead: @dave (');
    expect(first).toContain('Operations Lead assigned to @dave by @bob');
    expect(first).not.toMatch(/@U0[A-Z0-9]+/);

    // Names come from a cache: a second draft asks Slack about nobody again…
    const lookups = h.slack.callsTo('users.info').length;
    expect(lookups).toBeGreaterThan(0);
    // …and a profile change reaches it through the user_change event, not through another lookup.
    const changed = await h.slack.changeProfile({ user: people.commander, displayName: 'Robert' });
    expect(changed.event.delivered).toBe(true);
    await command(channel, 'postmortem');
    const second = await eventually(() => defined(drafts()[1]));
    expect(second).toContain('- Incident Commander: @Robert (');
    expect(h.slack.callsTo('users.info')).toHaveLength(lookups);
  });

  it('/incident timeline writes people as <@U…> mentions, which Slack shows by name', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h, { title: 'DNS flapping' });
    await command(channel, `role scribe <@${people.scribe}|carol>`);
    await command(channel, 'timeline');
    const shown = await eventually(() => JSON.stringify(defined(ephemeralsFor(h, people.commander).find((e) => e.text.startsWith('Timeline of'))).blocks));
    expect(shown).toContain(`Scribe assigned to <@${people.scribe}> by <@${people.commander}>`);
    expect(shown).toContain(`by <@${people.reporter}>`);
    expect(shown).not.toMatch(/[^<]@U0[A-Z0-9]+/);
  });
});

describe('a plain @name typed in a command', () => {
  it('is resolved by handle or display name for followup, role and handover; an unknown one is named back', async () => {
    h = await startHarness();
    const { channel } = await declareIncident(h, { title: 'Cache stampede' });
    const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
    await h.slack.changeProfile({ user: people.scribe, displayName: 'Caz' });

    await command(channel, 'followup Add jitter to cache expiry @dave 2030-01-15');
    await eventually(() => expect(h.bot.deps.followUps.listForIncident(incident().id)[0]).toMatchObject({ ownerId: people.ops, text: 'Add jitter to cache expiry' }));
    await command(channel, 'role scribe @Caz');
    await eventually(() => expect(incident().roles.scribe).toBe(people.scribe));
    await eventually(() => expect(channel.members.has(people.scribe)).toBe(true));
    await command(channel, 'handover @carol');
    await eventually(() => expect(incident().roles.commander).toBe(people.scribe));

    await command(channel, 'role ops @zed', people.scribe);
    await eventually(() => expect(ephemeralsFor(h, people.scribe).some((e) => e.text.includes("I can't find @zed in this workspace."))).toBe(true));
    expect(h.slack.workspace.topModal(people.scribe)).toBeUndefined();
    expect(incident().roles.ops ?? null).toBeNull();
  });
});
