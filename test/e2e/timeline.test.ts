import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import type { Conversation } from 'slack-emulator';
import { declareIncident } from '../support/incident-flows.js';

let h: Harness;
let channel: Conversation;

beforeEach(async () => {
  h = await startHarness();
  ({ channel } = await declareIncident(h, { title: 'Queue backlog' }));
});
afterEach(() => h.close());

const timeline = () => h.bot.deps.timeline.list(h.bot.deps.incidents.findByChannel(channel.id)!.id);
const entries = (kind: string) => timeline().filter((entry) => entry.kind === kind);
const permalinkOf = (ts: string) => `https://acme.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`;

describe('the incident timeline records the channel', () => {
  it('stores human messages with user, ts and permalink, and reflects edits and deletions', async () => {
    const first = await h.slack.postMessage({ user: people.commander, channel: channel.id, text: 'consumer lag is 2M' });
    const second = await h.slack.postMessage({ user: people.reporter, channel: channel.id, text: 'restarting workers' });
    await eventually(() => expect(entries('message')).toHaveLength(2));
    expect(entries('message')[0]).toMatchObject({
      actorId: people.commander,
      text: 'consumer lag is 2M',
      slackTs: first.ts,
      permalink: permalinkOf(first.ts),
    });

    await h.slack.editMessage({ user: people.commander, channel: channel.id, ts: first.ts, text: 'consumer lag is 2.5M' });
    await eventually(() => expect(entries('message')[0]).toMatchObject({ text: 'consumer lag is 2.5M', editedAt: expect.any(Number) }));

    await h.slack.deleteMessage({ user: people.reporter, channel: channel.id, ts: second.ts });
    await eventually(() => expect(entries('message')[1]).toMatchObject({ text: '', deletedAt: expect.any(Number) }));
  });

  it('stores pins and reactions, and their removal', async () => {
    const message = await h.slack.postMessage({ user: people.commander, channel: channel.id, text: 'root cause: expired cert' });
    await h.slack.pinMessage({ user: people.reporter, channel: channel.id, ts: message.ts });
    await h.slack.addReaction({ user: people.reporter, channel: channel.id, ts: message.ts, name: 'bulb' });
    await eventually(() => {
      expect(entries('pin_added')).toMatchObject([{ actorId: people.reporter, slackTs: message.ts, permalink: permalinkOf(message.ts) }]);
      expect(entries('reaction_added')).toMatchObject([{ actorId: people.reporter, data: { reaction: 'bulb' } }]);
    });
    await h.slack.removeReaction({ user: people.reporter, channel: channel.id, ts: message.ts, name: 'bulb' });
    await h.slack.unpinMessage({ user: people.reporter, channel: channel.id, ts: message.ts });
    await eventually(() => {
      expect(entries('reaction_added')[0]?.deletedAt).not.toBeNull();
      expect(entries('pin_added')[0]?.deletedAt).not.toBeNull();
    });
    // Pinned again: it counts again.
    await h.slack.pinMessage({ user: people.commander, channel: channel.id, ts: message.ts });
    await eventually(() => expect(entries('pin_added')).toMatchObject([{ deletedAt: null }]));
  });

  it("does not record the bot's own card pin or messages as human activity", async () => {
    await h.slack.postMessage({ user: people.commander, channel: channel.id, text: 'hello' });
    await eventually(() => expect(entries('message')).toHaveLength(1));
    expect(entries('pin_added')).toHaveLength(0);
  });

  it('takes an event Slack resends (X-Slack-Retry-Num) into account once', async () => {
    const posted = await h.slack.postMessage({ user: people.commander, channel: channel.id, text: 'only once' });
    expect(posted.event.delivered).toBe(true);
    if (!posted.event.delivered) return;
    await h.slack.addReaction({ user: people.reporter, channel: channel.id, ts: posted.ts, name: 'eyes' });
    await eventually(() => expect(entries('reaction_added')).toHaveLength(1));
    await h.slack.removeReaction({ user: people.reporter, channel: channel.id, ts: posted.ts, name: 'eyes' });
    await eventually(() => expect(entries('reaction_added')[0]?.deletedAt).not.toBeNull());

    const retry = await h.slack.redeliverEvent(posted.event.eventId, 1);
    expect(retry.status).toBe(200);
    await eventually(() => expect(h.logs.some((line) => line.includes('ignored a repeated event'))).toBe(true));
    expect(entries('message')).toHaveLength(1);
  });

  it('ignores messages in channels that are not incident channels', async () => {
    const other = h.slack.addChannel({ name: 'random', members: [people.commander], botIsMember: true });
    await h.slack.postMessage({ user: people.commander, channel: other.id, text: 'lunch?' });
    await h.slack.postMessage({ user: people.commander, channel: channel.id, text: 'marker' });
    await eventually(() => expect(entries('message').map((entry) => entry.text)).toEqual(['marker']));
  });
});
