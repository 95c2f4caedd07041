import { afterEach, describe, expect, it } from 'vitest';
import { inputIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { eventually } from '../support/eventually.js';
import { botMessages, declareIncident, openModal } from '../support/incident-flows.js';

const experts = { payments: 'U0PAYEXPRT', search: 'U0SRCHEXPT', gone: 'U0GONE0001' } as const;

const servicesYaml = `
timezone: UTC
services:
  - { id: wiki, name: Internal wiki, tier: 3 }
  - { id: search, name: Search, tier: 2, experts: [${experts.search}, ${experts.gone}] }
  - { id: payments, name: Payments API, tier: 1, experts: [${experts.payments}, ${people.commander}] }
severities:
  - { id: SEV2, page: false }
`;

let h: Harness;
afterEach(() => h.close());

const start = async () => {
  h = await startHarness({ configYaml: servicesYaml });
  h.slack.addUser({ id: experts.payments, name: 'pia' });
  h.slack.addUser({ id: experts.search, name: 'sam' });
};

describe("services' experts and tiers", () => {
  it('invites the experts of the affected services on declare, says so, and names one it could not invite', async () => {
    await start();
    const { channel } = await declareIncident(h, { title: 'Search and payments down', services: ['search', 'payments'] });
    await eventually(() => expect([...channel.members]).toEqual(expect.arrayContaining([experts.payments, experts.search])));
    const lines = botMessages(h, channel.id).map((m) => m.text);
    expect(lines).toContainEqual(expect.stringContaining(`Invited the experts of the affected services: <@${experts.payments}>, <@${experts.search}>.`));
    expect(lines).toContainEqual(expect.stringContaining(`Could not invite <@${experts.gone}>`));
    expect(h.bot.deps.incidents.findByChannel(channel.id)?.channelId).toBe(channel.id);
  });

  it('invites no expert into a private incident: its commander decides who sees it', async () => {
    await start();
    const { channel } = await declareIncident(h, { title: 'Leaked key', services: ['payments'], private: true });
    expect(channel.members.has(experts.payments)).toBe(false);
    expect(h.slack.callsTo('conversations.invite').map((call) => call.args.users)).not.toContain(experts.payments);
  });

  it('offers services most critical first in the declare form, and lists an incident\'s services so', async () => {
    await start();
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: 'declare' });
    const view = await eventually(() => openModal(h, people.reporter));
    const input = view.blocks.find((block) => (block as { block_id?: string }).block_id === inputIds.services) as { element: { options: { value: string }[] } };
    expect(input.element.options.map((o) => o.value)).toEqual(['payments', 'search', 'wiki']);
    await h.slack.closeView({ user: people.reporter, viewId: view.id });

    const { channel } = await declareIncident(h, { title: 'Everything slow', services: ['wiki', 'search', 'payments'] });
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'postmortem' });
    const draft = await eventually(() => {
      const file = [...h.slack.workspace.files.values()].find((candidate) => candidate.completed && candidate.name.endsWith('-postmortem.md'));
      expect(file).toBeDefined();
      return file!.upload!.bytes.toString('utf8');
    });
    expect(draft).toContain('- **Services:** Payments API, Search, Internal wiki');
  });
});
