import { afterEach, describe, expect, it } from 'vitest';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor } from '../support/incident-flows.js';

let h: Harness;
afterEach(() => h.close());

const join = (channel: Conversation) => {
  for (const user of Object.values(people)) channel.members.add(user);
};
const drafts = () => [...h.slack.workspace.files.values()].filter((file) => file.completed && file.name.endsWith('-postmortem.md'));
/** Runs /incident search as the bystander and returns the answer's blocks as text. */
const search = async (words: string): Promise<string> => {
  const before = ephemeralsFor(h, people.bystander).length;
  await h.slack.runSlashCommand({ user: people.bystander, channel: h.general, command: '/incident', text: `search ${words}` });
  const answer = await eventually(() => defined(ephemeralsFor(h, people.bystander)[before]));
  return `${answer.text}\n${JSON.stringify(answer.blocks)}`;
};

describe('search finds what people wrote', () => {
  it("does not match the postmortem template's words, ranks a title first, and shows why each one matched", async () => {
    h = await startHarness();
    const first = await declareIncident(h, { title: 'Checkout errors' });
    join(first.channel);
    await h.slack.postMessage({ user: people.ops, channel: first.channel.id, text: 'kafka consumers stalled after the broker restart' });
    await h.slack.runSlashCommand({ user: people.commander, channel: first.channel.id, command: '/incident', text: 'resolve' });
    await eventually(() => expect(drafts()).toHaveLength(1));
    const draft = drafts()[0]!.upload!.bytes.toString('utf8');
    for (const word of ['traffic', 'lucky', 'dashboards', 'runbooks']) {
      expect(draft.toLowerCase(), `the template says ${word}`).toContain(word);
      expect(await search(word)).toContain(`No past incident matches *${word}*`);
    }

    await declareIncident(h, { title: 'Kafka lag on orders' });
    const found = await search('kafka');
    const kafkaLag = found.indexOf('Kafka lag on orders');
    const checkout = found.indexOf('Checkout errors');
    expect(kafkaLag).toBeGreaterThan(-1);
    expect(checkout).toBeGreaterThan(kafkaLag);
    expect(found).toContain('_channel:_ *kafka* consumers stalled after the broker restart');
  });

  it('does not suggest past incidents for the words of their postmortem template', async () => {
    h = await startHarness();
    const first = await declareIncident(h, { title: 'Checkout errors' });
    await h.slack.runSlashCommand({ user: people.commander, channel: first.channel.id, command: '/incident', text: 'resolve' });
    await eventually(() => expect(drafts()).toHaveLength(1));
    const second = await declareIncident(h, { title: 'Traffic spike, lucky dashboards' });
    join(second.channel);
    // The suggestion is posted while declaring: the reporter's confirmation comes after it.
    expect(botMessages(h, second.channel.id).some((m) => m.text.startsWith('Similar past incidents'))).toBe(false);
  });
});
