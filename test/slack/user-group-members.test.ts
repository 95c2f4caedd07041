import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { createUserGroupCache, type UserGroupCache } from '../../src/slack/user-group-members.js';
import { eventually } from '../support/eventually.js';

let slack: FakeSlack;
let cache: UserGroupCache | undefined;
let lines: string[];
beforeEach(async () => {
  slack = await startFakeSlack();
  lines = [];
});
afterEach(async () => {
  cache?.stop();
  await slack.close();
});

const start = (groups: string[], now = () => Date.now()) => {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  cache = createUserGroupCache({
    client: new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }),
    logger: pino({ level: 'info' }, sink),
    groups: () => groups,
    now,
  });
  return cache;
};
const warnings = () => lines.filter((line) => line.includes('could not read the members of a user group'));
/** Ann and Ben, and the SRE group with Ann in it. */
const sreWithAnn = () => {
  const ann = slack.addUser({ name: 'ann' });
  const ben = slack.addUser({ name: 'ben' });
  return { ann, ben, sre: slack.addUserGroup({ id: 'S0SRE', handle: 'sre', users: [ann.id] }) };
};
/** The members as last read, as a list. */
const membersIn = (groups: UserGroupCache, groupId: string) => [...(groups.membersOf(groupId) ?? [])];

describe('the members of the user groups permissions name', () => {
  it('are read from Slack on refresh, and a group asked about before it was read is read then', async () => {
    const { ann, ben } = sreWithAnn();
    slack.addUserGroup({ id: 'S0COMMS', handle: 'comms', users: [ben.id] });
    const groups = start(['S0SRE']);
    await groups.refresh();
    expect(membersIn(groups, 'S0SRE')).toEqual([ann.id]);
    expect(groups.membersOf('S0COMMS')).toBeUndefined();
    await eventually(() => expect(membersIn(groups, 'S0COMMS')).toEqual([ben.id]));
  });

  it('keep what was last read while Slack cannot answer, say so once, and follow Slack again once it answers', async () => {
    const { ann, ben, sre } = sreWithAnn();
    const groups = start(['S0SRE']);
    await groups.refresh();
    sre.users.push(ben.id);
    slack.failNext('usergroups.users.list', { status: 503 }, 2);
    await groups.refresh();
    await groups.refresh();
    expect(membersIn(groups, 'S0SRE')).toEqual([ann.id]);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('S0SRE');
    await groups.refresh();
    expect(membersIn(groups, 'S0SRE')).toEqual([ann.id, ben.id]);
    expect(lines.filter((line) => line.includes('read the members of a user group again'))).toHaveLength(1);
    // No token in anything it wrote.
    expect(lines.join('')).not.toContain(slack.botToken);
  });

  it('do not send a check to Slack again within 30 s for a group whose read failed; a refresh still reads it', async () => {
    let now = 1_000_000;
    const groups = start(['S0GONE'], () => now);
    await groups.refresh();
    const reads = () => slack.callsTo('usergroups.users.list').length;
    expect(reads()).toBe(1);
    expect(groups.membersOf('S0GONE')).toBeUndefined();
    expect(reads()).toBe(1);
    now += 30_000;
    expect(groups.membersOf('S0GONE')).toBeUndefined();
    await eventually(() => expect(reads()).toBe(2));
    const ann = slack.addUser({ name: 'ann' });
    slack.addUserGroup({ id: 'S0GONE', handle: 'back', users: [ann.id] });
    await groups.refresh();
    expect(membersIn(groups, 'S0GONE')).toEqual([ann.id]);
    expect(warnings()).toHaveLength(1);
  });

  it('take a change Slack announced: applied to a group already read, a named group never read is read, any other group ignored', async () => {
    const { ann, ben } = sreWithAnn();
    slack.addUserGroup({ id: 'S0COMMS', handle: 'comms', users: [ben.id] });
    const groups = start(['S0SRE', 'S0COMMS']);
    await groups.refresh(['S0SRE']);
    groups.changed('S0SRE', [ben.id], [ann.id]);
    expect(membersIn(groups, 'S0SRE')).toEqual([ben.id]);
    groups.changed('S0OTHER', [ann.id], []);
    groups.changed('S0COMMS', [ann.id], []);
    await eventually(() => expect([...(slack.callsTo('usergroups.users.list').map((call) => call.args.usergroup))]).toEqual(['S0SRE', 'S0COMMS']));
    await eventually(() => expect(membersIn(groups, 'S0COMMS')).toEqual([ben.id]));
  });

  it('read a group once more when a change is announced while a read is under way (its answer may be from before)', async () => {
    const { ann, ben, sre } = sreWithAnn();
    const groups = start(['S0SRE']);
    slack.failNext('usergroups.users.list', { delayMs: 200 });
    const first = groups.refresh();
    sre.users.push(ben.id);
    groups.changed('S0SRE', [ben.id], []);
    await first;
    await eventually(() => expect(slack.callsTo('usergroups.users.list')).toHaveLength(2));
    await eventually(() => expect(membersIn(groups, 'S0SRE').sort()).toEqual([ann.id, ben.id].sort()));
  });

  it('forget the members of a group Slack says no longer exists (disabled), rather than keep granting through it', async () => {
    const { ann, sre } = sreWithAnn();
    const groups = start(['S0SRE']);
    await groups.refresh();
    expect(groups.membersOf('S0SRE')?.has(ann.id)).toBe(true);
    sre.disabledAt = 1;
    await groups.refresh();
    expect(groups.membersOf('S0SRE')).toBeUndefined();
    expect(lines.filter((line) => line.includes('no longer exists'))).toHaveLength(1);
  });
});
