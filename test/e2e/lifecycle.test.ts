import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { announcementsChannel, people, startHarness, type Harness } from '../support/bot-harness.js';
import { defined, eventually } from '../support/eventually.js';
import type { Conversation, Message } from 'slack-emulator';
import { botMessages, declareIncident, ephemeralsFor, openModal, readable } from '../support/incident-flows.js';

let h: Harness;
let channel: Conversation;
let card: Message;

beforeEach(async () => {
  h = await startHarness();
  ({ channel, card } = await declareIncident(h, { title: 'Checkout failing', severity: 'SEV2' }));
  // The announcement is the last step of declaring but one; wait for it so tests start from a settled state.
  await eventually(() => expect(botMessages(h, announcementsChannel)).toHaveLength(1));
});
afterEach(() => h.close());

const incidentCommand = (text: string, user: string = people.commander, channelId = channel.id) =>
  h.slack.runSlashCommand({ user, channel: channelId, command: '/incident', text });

const currentCard = () => h.slack.workspace.message(channel.id, card.ts)!;
const announcement = () => botMessages(h, announcementsChannel)[0]!;
const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
const lastChannelLine = () => botMessages(h, channel.id).at(-1)?.text ?? '';
const channelLines = () => botMessages(h, channel.id).map((message) => message.text);

describe('incident lifecycle over Slack', () => {
  it('changes status with /incident status and refreshes card, topic and announcement', async () => {
    await incidentCommand('status identified bad deploy found');
    await eventually(() => expect(readable(currentCard())).toContain('Identified'));
    expect(channel.topic.value).toMatch(/^SEV2 · Identified/);
    await eventually(() => expect(readable(announcement())).toContain('Identified'));
    await eventually(() => expect(lastChannelLine()).toContain(`<@${people.commander}> changed the status to *Identified*: bad deploy found`));
    const entry = h.bot.deps.timeline.list(incident().id).find((e) => e.kind === 'status_changed');
    expect(entry).toMatchObject({ actorId: people.commander, data: { from: 'investigating', to: 'identified' } });
  });

  it('changes status through the card: Update status button → modal → submit', async () => {
    const click = await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.updateStatus });
    expect(click.status).toBe(200);
    const view = await eventually(() => openModal(h, people.commander));
    await h.slack.submitView({ user: people.commander, viewId: view.id, values: { [inputIds.status]: { [inputIds.status]: 'monitoring' } } });
    await eventually(() => expect(incident().status).toBe('monitoring'));
    await eventually(() => expect(readable(currentCard())).toContain('Monitoring'));
  });

  it('refuses a transition the lifecycle does not allow, privately and without changing anything', async () => {
    await incidentCommand('close');
    await eventually(() => expect(ephemeralsFor(h, people.commander).at(-1)?.text).toContain('cannot go from investigating to closed'));
    expect(incident().status).toBe('investigating');
  });

  it('says where the incident already is when asked to move it there again', async () => {
    await incidentCommand('resolve');
    await eventually(() => expect(incident().status).toBe('resolved'));
    await incidentCommand('resolve');
    await eventually(() => expect(ephemeralsFor(h, people.commander).at(-1)?.text).toContain('INC-1 is already resolved.'));
    await incidentCommand('close');
    await eventually(() => expect(incident().status).toBe('closed'));
    await incidentCommand('close');
    await eventually(() => expect(ephemeralsFor(h, people.commander).at(-1)?.text).toContain('INC-1 is already closed.'));
    expect(ephemeralsFor(h, people.commander).some((e) => /cannot go from (\w+) to \1/.test(e.text))).toBe(false);
  });

  it('changes severity by command and by the card, recording who and when', async () => {
    await incidentCommand('severity sev1');
    await eventually(() => expect(incident().severity).toBe('SEV1'));
    await eventually(() => expect(channel.topic.value).toMatch(/^SEV1 ·/));
    await h.slack.clickButton({ user: people.reporter, channel: channel.id, messageTs: card.ts, actionId: actionIds.changeSeverity });
    const view = await eventually(() => openModal(h, people.reporter));
    await h.slack.submitView({ user: people.reporter, viewId: view.id, values: { [inputIds.severity]: { [inputIds.severity]: 'SEV3' } } });
    await eventually(() => expect(readable(currentCard())).toContain('SEV3'));
    const changes = h.bot.deps.timeline.list(incident().id).filter((e) => e.kind === 'severity_changed');
    expect(changes.map((e) => [e.actorId, e.data.to])).toEqual([[people.commander, 'SEV1'], [people.reporter, 'SEV3']]);
    await eventually(() => expect(readable(announcement())).toContain('SEV3'));
  });

  it('assigns roles by command and by the card; the assignee is invited and gets the checklist; history is kept', async () => {
    await incidentCommand(`role scribe <@${people.scribe}|carol>`);
    await eventually(() => expect(channel.members.has(people.scribe)).toBe(true));
    await eventually(() => expect(readable(botMessages(h, h.slack.workspace.dmWith(people.scribe).id)[0])).toContain('Scribe'));

    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.assignRole });
    const view = await eventually(() => openModal(h, people.commander));
    await h.slack.submitView({
      user: people.commander,
      viewId: view.id,
      values: { [inputIds.role]: { [inputIds.role]: 'commander' }, [inputIds.user]: { [inputIds.user]: people.ops } },
    });
    await eventually(() => expect(incident().roles).toEqual({ commander: people.ops, scribe: people.scribe }));
    await eventually(() => expect(readable(currentCard())).toContain(`<@${people.ops}>`));
    await eventually(() => expect(lastChannelLine()).toContain(`taking over from <@${people.commander}>`));
    const commanders = h.bot.deps.incidents.roleHistory(incident().id).filter((tenure) => tenure.role === 'commander');
    expect(commanders.map((tenure) => [tenure.userId, tenure.endedAt === null])).toEqual([[people.commander, false], [people.ops, true]]);
  });

  it('/incident note adds to the timeline with a permalink and says so in the channel', async () => {
    await incidentCommand('note rolled back <b>v2.3</b> & restarted');
    const note = await eventually(() => {
      const found = h.bot.deps.timeline.list(incident().id).find((e) => e.kind === 'note');
      expect(found).toBeDefined();
      return found!;
    });
    expect(note.text).toBe('rolled back <b>v2.3</b> & restarted');
    expect(note.permalink).toBe(`https://acme.slack.com/archives/${channel.id}/p${note.slackTs!.replace('.', '')}`);
    await eventually(() => expect(lastChannelLine()).toContain('Note from'));
  });

  it('posts an update from the card; the card shows it as the latest update', async () => {
    const topicsSet = h.slack.callsTo('conversations.setTopic').length;
    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
    const view = await eventually(() => openModal(h, people.commander));
    await h.slack.submitView({ user: people.commander, viewId: view.id, values: { [inputIds.update]: { [inputIds.update]: 'Error rate back to 0.1%' } } });
    await eventually(() => expect(readable(currentCard())).toContain('Error rate back to 0.1%'));
    // Severity, status and commander did not change: the topic is not set again (Slack would announce it).
    expect(h.slack.callsTo('conversations.setTopic')).toHaveLength(topicsSet);
  });

  it('resolves from the card, then reopens and cancels by command', async () => {
    await h.slack.clickButton({ user: people.commander, channel: channel.id, messageTs: card.ts, actionId: actionIds.resolve, confirm: true });
    await eventually(() => expect(incident().status).toBe('resolved'));
    await eventually(() => expect(readable(currentCard())).not.toContain(`"action_id":"${actionIds.resolve}"`));
    expect(incident().resolvedAt).not.toBeNull();
    await eventually(() => expect(readable(announcement())).toContain('Resolved'));

    await incidentCommand('reopen fix did not hold');
    await eventually(() => expect(incident().status).toBe('investigating'));
    expect(incident().resolvedAt).toBeNull();
    // Resolving also drafts the postmortem in the background, so the reopen line need not be the last one.
    await eventually(() => expect(channelLines().some((line) => line.includes('reopened the incident: fix did not hold'))).toBe(true));

    await incidentCommand('cancel');
    await eventually(() => expect(incident().status).toBe('cancelled'));
    await eventually(() => expect(readable(currentCard())).not.toContain('"type":"actions"'));
    expect(h.bot.deps.timeline.list(incident().id).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['declared', 'status_changed', 'reopened']),
    );
  });

  it('explains privately when an incident-channel command is used elsewhere', async () => {
    for (const text of ['status', 'severity SEV1', 'role scribe', 'note hi', 'resolve', 'cancel']) {
      await incidentCommand(text, people.reporter, h.general);
    }
    await eventually(() => expect(ephemeralsFor(h, people.reporter).filter((e) => e.text.includes('only works inside an incident channel'))).toHaveLength(6));
    expect(incident().status).toBe('investigating');
  });

  it('names unknown roles, severities and statuses', async () => {
    await incidentCommand('role boss');
    await incidentCommand('severity SEV9');
    await incidentCommand('status fixed');
    await eventually(() => {
      const texts = ephemeralsFor(h, people.commander).map((e) => e.text).join('\n');
      expect(texts).toContain('`boss` is not a role');
      expect(texts).toContain('`SEV9` is not a severity');
      expect(texts).toContain('`fixed` is not a status');
    });
  });

  it('lists a private incident only for the people in it', async () => {
    const secret = await declareIncident(h, { title: 'Credential leak', private: true, commander: people.ops });
    await eventually(() => expect(secret.channel.isPrivate).toBe(true));
    await incidentCommand('list', people.bystander, h.general);
    await eventually(() => expect(readable(ephemeralsFor(h, people.bystander).at(-1))).toContain('INC-1'));
    expect(readable(ephemeralsFor(h, people.bystander).at(-1))).not.toContain('Credential leak');
    await incidentCommand('list', people.ops, h.general);
    await eventually(() => expect(readable(ephemeralsFor(h, people.ops).at(-1))).toContain('Credential leak'));
  });

  it('/incident list and /incident help work anywhere', async () => {
    await incidentCommand('list', people.bystander, h.general);
    await eventually(() => expect(readable(ephemeralsFor(h, people.bystander).at(-1))).toContain('INC-1'));
    await incidentCommand('help', people.bystander, h.general);
    await eventually(() => expect(ephemeralsFor(h, people.bystander).at(-1)?.text).toContain('/incident note'));
  });

  it('the announcement Join button invites whoever clicks it', async () => {
    expect(channel.members.has(people.bystander)).toBe(false);
    await h.slack.clickButton({ user: people.bystander, channel: announcementsChannel, messageTs: announcement().ts, actionId: actionIds.join });
    await eventually(() => expect(channel.members.has(people.bystander)).toBe(true));
  });

  it('/incident list and App Home show open incidents, and resolved ones in their own section', async () => {
    await declareIncident(h, { title: 'Search slow', severity: 'SEV3' });
    await incidentCommand('resolve');
    await eventually(() => expect(incident().status).toBe('resolved'));

    /** Each section's heading with the incidents listed under it, in order. */
    const sections = (blocks: unknown[] | undefined) => {
      const texts = (blocks ?? []).map((block) => JSON.stringify(block));
      const found: [string, string[]][] = [];
      for (const text of texts) {
        const heading = /"\*(\d+ open incidents?|No open incidents\.|\d+ resolved[^*]*)\*/.exec(text) ?? /(No open incidents\.)/.exec(text);
        const key = /INC-\d+/.exec(text)?.[0];
        if (heading && !key) found.push([heading[1]!, []]);
        else if (key) found.at(-1)?.[1].push(key);
      }
      return found;
    };
    const expected = [['1 open incident', ['INC-2']], ['1 resolved, not yet closed', ['INC-1']]];

    await incidentCommand('list', people.bystander, h.general);
    const listed = await eventually(() => {
      const answer = ephemeralsFor(h, people.bystander).find((e) => e.text.includes('open incident'));
      expect(answer).toBeDefined();
      return answer!;
    });
    expect(sections(listed.blocks)).toEqual(expected);

    await h.slack.openAppHome({ user: people.bystander });
    const home = await eventually(() => defined(h.slack.workspace.homeView(people.bystander)));
    expect(sections(home.blocks)).toEqual(expected);
  });

  it('App Home lists open incidents with a Declare button that opens the modal', async () => {
    await h.slack.openAppHome({ user: people.bystander });
    const home = await eventually(() => {
      const view = h.slack.workspace.homeView(people.bystander);
      expect(view).toBeDefined();
      return view!;
    });
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('INC-1');
    expect(text).toContain('SEV2');
    expect(text).toContain('Investigating');
    expect(text).toContain(`<@${people.commander}>`);
    await h.slack.clickViewButton({ user: people.bystander, viewId: home.id, actionId: actionIds.declare });
    await eventually(() => expect(openModal(h, people.bystander).callbackId).toBe('incident_declare_modal'));
  });
});
