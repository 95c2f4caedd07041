import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { people, startHarness, type Harness } from '../support/bot-harness.js';
import { fixedClock } from '../support/clock.js';
import { commsChannels, communicationsConfigYaml } from '../support/communications-config.js';
import { eventually } from '../support/eventually.js';
import { declareIncident, ephemeralsFor, openModal } from '../support/incident-flows.js';

/**
 * permissions through Slack: the real bot reads the user groups' members from the emulator
 * (usergroups.users.list) and answers a person it does not let through privately, next to the field
 * when it is a form, so the form stays open with what was typed.
 */
const comms = { id: 'S0COMMSTM', handle: 'comms', member: 'U0COMMSLD' };
const sre = { id: 'S0SRETEAM', handle: 'sre', member: 'U0SREMEMB' };
const configYaml = `${communicationsConfigYaml}
permissions:
  publish: [incident_roles, ${comms.id}]
  maintenance: [${sre.id}]
  cancel: [incident_roles, S0NOTTHERE]
`;

let h: Harness;
beforeEach(async () => {
  // Started without permissions; the groups are made in Slack, then a reload (kill -HUP) names them.
  const path = join(mkdtempSync(join(tmpdir(), 'incident-bot-permissions-')), 'incident-bot.yml');
  writeFileSync(path, communicationsConfigYaml);
  h = await startHarness({ config: { configPath: path, configRequired: true }, clock: fixedClock() });
  for (const [name, id] of Object.entries(commsChannels)) h.slack.addChannel({ id, name });
  for (const group of [comms, sre]) {
    h.slack.addUser({ id: group.member, name: group.handle });
    h.slack.addUserGroup({ id: group.id, handle: group.handle, users: [group.member] });
  }
  writeFileSync(path, configYaml);
  expect(h.bot.config.reload()).toEqual({ ok: true });
  // The reload reads the groups the new file names, before anyone asks.
  await eventually(() => expect(h.slack.callsTo('usergroups.users.list').map((call) => call.args.usergroup).sort()).toEqual([comms.id, sre.id, 'S0NOTTHERE'].sort()));
  await eventually(() => expect([comms.id, sre.id].map((id) => h.bot.deps.userGroups.membersOf(id)?.size)).toEqual([1, 1]));
});
afterEach(() => h.close());

const lastEphemeral = (user: string) => ephemeralsFor(h, user).at(-1)?.text;

describe('permissions in Slack', () => {
  it('offers no status page fields to someone not named, refuses a customer message next to the field, and publishes one from the comms group', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Checkout errors', severity: 'SEV2', services: ['payments'] });
    // People who joined the channel: being in it is no role.
    for (const user of [people.bystander, comms.member]) h.slack.workspace.conversations.get(channel.id)!.members.add(user);
    const open = async (user: string) => {
      await h.slack.clickButton({ user, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
      return eventually(() => openModal(h, user));
    };
    const submit = (user: string, viewId: string) =>
      h.slack.submitView({
        user,
        viewId,
        values: { [inputIds.update]: { [inputIds.update]: 'Rolled back' }, [inputIds.customerMessage]: { [inputIds.customerMessage]: 'Checkout works again.' } },
      });
    const role = (who: string) => h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: `role scribe <@${who}>` });

    // The form says so before anything is typed: no public fields for the bystander.
    const offered = await open(people.bystander);
    expect(JSON.stringify(offered.blocks)).toContain(`:lock: Only the incident's role holders or members of user group \`${comms.id}\` may publish to the public status page. This update goes to Slack only.`);
    expect(JSON.stringify(offered.blocks)).not.toContain(inputIds.customerMessage);
    await h.slack.closeView({ user: people.bystander, viewId: offered.id });
    expect(h.logs.filter((line) => line.includes('permission refused'))).toEqual([]);

    // As scribe the bystander gets the fields; the role moves on before they submit: refused next to the field.
    await role(people.bystander);
    const asScribe = await open(people.bystander);
    expect(JSON.stringify(asScribe.blocks)).toContain(inputIds.customerMessage);
    await role(people.scribe);
    const refused = await submit(people.bystander, asScribe.id);
    expect(refused.body).toMatchObject({
      response_action: 'errors',
      // A field's error is plain text: no code quotes, no mention markup.
      errors: { [inputIds.customerMessage]: `Only the incident's role holders or members of user group ${comms.id} may publish to the public status page.` },
    });
    expect(refused.openView).toBeDefined();
    const incident = h.bot.deps.incidents.findByChannel(channel.id)!;
    expect(h.bot.deps.updates.listForIncident(incident.id)).toEqual([]);

    const accepted = await submit(comms.member, (await open(comms.member)).id);
    expect(accepted.openView).toBeUndefined();
    expect(h.bot.deps.updates.listForIncident(incident.id).map((update) => [update.postedBy, update.customerMessage])).toEqual([[comms.member, 'Checkout works again.']]);
  });

  it('follows Slack when someone joins or leaves a group: the update form changes at once, without reading the group again', async () => {
    const { channel, card } = await declareIncident(h, { title: 'Checkout errors', severity: 'SEV2', services: ['payments'] });
    h.slack.workspace.conversations.get(channel.id)!.members.add(people.bystander);
    const offersPublishing = async () => {
      await h.slack.clickButton({ user: people.bystander, channel: channel.id, messageTs: card.ts, actionId: actionIds.postUpdate });
      const view = await eventually(() => openModal(h, people.bystander));
      await h.slack.closeView({ user: people.bystander, viewId: view.id });
      return JSON.stringify(view.blocks).includes(inputIds.customerMessage);
    };
    const reads = h.slack.callsTo('usergroups.users.list').length;
    expect(await offersPublishing()).toBe(false);
    await h.slack.changeUserGroupMembers({ usergroup: comms.id, add: [people.bystander] });
    expect(await offersPublishing()).toBe(true);
    await h.slack.changeUserGroupMembers({ usergroup: comms.id, remove: [people.bystander] });
    expect(await offersPublishing()).toBe(false);
    expect(h.slack.callsTo('usergroups.users.list')).toHaveLength(reads);
  });

  it('refuses /incident cancel privately to someone without a role, and cancels for the commander', async () => {
    const { channel } = await declareIncident(h, { title: 'Search slow', severity: 'SEV3', services: ['search'] });
    const incident = () => h.bot.deps.incidents.findByChannel(channel.id)!;
    h.slack.workspace.conversations.get(channel.id)!.members.add(people.bystander);
    await h.slack.runSlashCommand({ user: people.bystander, channel: channel.id, command: '/incident', text: 'cancel false alarm' });
    // S0NOTTHERE is no group Slack knows: it is read, refused, and does not stop the answer.
    expect(lastEphemeral(people.bystander)).toMatch(/I could not read the members of user group `S0NOTTHERE` from Slack yet, so I cannot tell whether you may cancel an incident/);
    expect(incident().status).toBe('investigating');
    await h.slack.runSlashCommand({ user: people.commander, channel: channel.id, command: '/incident', text: 'cancel false alarm' });
    expect(incident().status).toBe('cancelled');
    expect(h.logs.filter((line) => line.includes('could not read the members of a user group') && line.includes('S0NOTTHERE'))).toHaveLength(1);
  });

  it('answers /incident maintenance from outside the SRE group privately, without a form, and opens it for the group', async () => {
    await h.slack.runSlashCommand({ user: people.bystander, channel: h.general, command: '/incident', text: 'maintenance' });
    expect(lastEphemeral(people.bystander)).toBe(`:warning: Only members of user group \`${sre.id}\` may schedule or cancel maintenance windows.`);
    expect(h.slack.workspace.topModal(people.bystander)).toBeUndefined();
    // Logged for whoever reviews the rules: who, and what.
    expect(h.logs.filter((line) => line.includes('permission refused'))).toEqual([expect.stringMatching(new RegExp(`"action":"maintenance","actorId":"${people.bystander}"`))]);
    await h.slack.runSlashCommand({ user: sre.member, channel: h.general, command: '/incident', text: 'maintenance' });
    await eventually(() => openModal(h, sre.member));
  });
});
