import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { botMessages, declareIncident, readable } from '../support/incident-flows.js';

/**
 * A person types @channel (Slack sends `<!channel>`), @here, @everyone, a user group, or the literal
 * text `<!everyone>` (Slack sends `&lt;!everyone&gt;`) into every command whose text the bot repeats.
 * Nothing the bot sends may carry a live special mention: not a message, a `text` fallback, a block,
 * an ephemeral answer, a DM or a channel topic.
 */
const liveSpecialMention = /<!(?:here|channel|everyone|subteam\^)[^>]*>/;

let h: Harness;
beforeEach(async () => {
  // No scheduler ticks: nothing the bot itself means to post with @here (an unanswered page) can fire.
  h = await startHarness({ clock: fixedClock() });
});
afterEach(() => h.close());

/** Every mrkdwn text object in a block tree (plain_text shows `<!channel>` literally, never as a mention). */
const mrkdwnIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(mrkdwnIn);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const own = node.type === 'mrkdwn' && typeof node.text === 'string' ? [node.text] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnIn)];
};

const blocksOf = (blocks: unknown): unknown => (typeof blocks === 'string' ? JSON.parse(blocks) : blocks);

/** What Slack parses for mentions in everything the bot sent: message texts, mrkdwn in blocks, topics, answers. */
const everythingSent = (): string[] => [
  ...h.slack.calls.flatMap((call) => {
    const args = call.args as Record<string, unknown>;
    const texts = [args.text, args.topic, args.initial_comment].filter((text): text is string => typeof text === 'string');
    return [...texts, ...mrkdwnIn(blocksOf(args.blocks)), ...mrkdwnIn(blocksOf(args.view))].map((text) => `${call.method}: ${text}`);
  }),
  ...h.slack.responses.flatMap((post) => {
    const body = post.body as { text?: string; blocks?: unknown };
    return [body.text ?? '', ...mrkdwnIn(body.blocks)].map((text) => `response_url: ${text}`);
  }),
];

const run = async (channel: string, text: string, user: string = people.commander) => {
  const result = await h.slack.runSlashCommand({ user, channel, command: '/incident', text });
  expect(result.status).toBe(200);
};

describe('user text echoed by the bot', () => {
  it('never becomes a live @channel, @here, @everyone or group mention', async () => {
    const { channel } = await declareIncident(h, { title: 'Checkout down <!channel> <!subteam^S0SRE001|@sre>' });
    const inChannel = (fragment: string) => eventually(() => expect(botMessages(h, channel.id).some((m) => readable(m).includes(fragment))).toBe(true));

    await run(channel.id, 'note <!channel> the primary database is failing over');
    await inChannel('the primary database is failing over');
    await run(channel.id, 'followup <!here> rotate the replica credentials');
    await inChannel('rotate the replica credentials');
    await run(channel.id, 'status monitoring <!everyone> fix deployed');
    await inChannel('fix deployed');
    await run(channel.id, 'resolve <!subteam^S0SRE001|@sre> error rate is back to normal');
    await inChannel('error rate is back to normal');
    await run(channel.id, 'reopen &lt;!everyone&gt; errors are back');
    await inChannel('errors are back');
    await run(channel.id, `page <@${people.ops}|dave>`);
    await eventually(() => expect(botMessages(h, h.slack.workspace.dmWith(people.ops).id).some((m) => m.text.includes('You are paged'))).toBe(true));
    await run(channel.id, 'resolve <!here|here> fixed again');
    await inChannel('fixed again');
    await run(channel.id, 'close <!channel> postmortem done');
    await inChannel('postmortem done');

    const second = await declareIncident(h, { title: 'False alarm' });
    await run(second.channel.id, 'cancel <!channel> it was a test alert');
    await eventually(() => expect(botMessages(h, second.channel.id).some((m) => m.text.includes('it was a test alert'))).toBe(true));

    // Answers that repeat a word of the command back.
    const answered = h.slack.responses.length;
    await run(h.general, '<!channel>');
    await run(h.general, 'search <!everyone> checkout');
    await run(second.channel.id, 'status <!here>');
    await eventually(() => expect(h.slack.responses.length).toBeGreaterThanOrEqual(answered + 3));

    const offending = everythingSent().filter((sent) => liveSpecialMention.test(sent));
    expect(offending).toEqual([]);
    for (const conversation of h.slack.workspace.conversations.values()) expect(conversation.topic.value).not.toMatch(liveSpecialMention);
    // The mentions were typed: what people read still says so, as plain text.
    expect(botMessages(h, channel.id).some((m) => m.text.includes('@channel the primary database is failing over'))).toBe(true);
  });

  it('keeps the user mentions and links people typed', async () => {
    const { channel } = await declareIncident(h, { title: 'Latency' });
    await run(channel.id, `note asked <@${people.scribe}|carol> to check <https://grafana.example.com/d/api|grafana.example.com/d/api>`);
    const note = await eventually(() => {
      const found = botMessages(h, channel.id).find((m) => m.text.includes(':memo:'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(note.text).toContain(`asked <@${people.scribe}> to check <https://grafana.example.com/d/api|grafana.example.com/d/api>`);
  });
});
