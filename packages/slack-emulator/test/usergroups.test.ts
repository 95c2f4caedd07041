import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

async function start(scopes: string[] = ['usergroups:read']): Promise<void> {
  slack = await startFakeSlack({ scopes, now: () => 1_700_000_000_000 });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

afterEach(async () => {
  await slack.close();
});

describe('usergroups.users.list', () => {
  it('lists the members of a seeded user group', async () => {
    await start();
    const alice = slack.addUser({ name: 'alice' });
    const bob = slack.addUser({ name: 'bob' });
    const group = slack.addUserGroup({ handle: 'db-oncall', users: [alice.id, bob.id] });
    expect(group.id).toMatch(/^S/);
    await expect(client.usergroups.users.list({ usergroup: group.id })).resolves.toMatchObject({ ok: true, users: [alice.id, bob.id] });
  });

  it('answers no_such_subteam for an unknown id, and for a disabled group unless include_disabled', async () => {
    await start();
    const alice = slack.addUser({ name: 'alice' });
    const old = slack.addUserGroup({ id: 'S0OLDGROUP', handle: 'old', users: [alice.id], disabled: true });
    await expect(client.usergroups.users.list({ usergroup: 'S0NOSUCH' })).rejects.toMatchObject({ data: { error: 'no_such_subteam' } });
    await expect(client.usergroups.users.list({ usergroup: old.id })).rejects.toMatchObject({ data: { error: 'no_such_subteam' } });
    await expect(client.usergroups.users.list({ usergroup: old.id, include_disabled: true })).resolves.toMatchObject({ users: [alice.id] });
  });

  it('needs the usergroup argument and usergroups:read', async () => {
    await start();
    await expect(client.apiCall('usergroups.users.list', {})).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: usergroup'] } },
    });
    await slack.close();
    await start(['chat:write']);
    const group = slack.addUserGroup({ handle: 'sre', users: [] });
    await expect(client.usergroups.users.list({ usergroup: group.id })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'usergroups:read' },
    });
  });
});

describe('usergroups.list', () => {
  it('lists enabled groups as subteam objects, with users and disabled groups on request', async () => {
    await start();
    const alice = slack.addUser({ name: 'alice' });
    slack.addUserGroup({ id: 'S0SRE00001', handle: 'sre', name: 'SRE', users: [alice.id] });
    slack.addUserGroup({ id: 'S0OLD00001', handle: 'old', users: [], disabled: true });
    const plain = await client.usergroups.list();
    expect(plain.usergroups).toEqual([
      expect.objectContaining({
        id: 'S0SRE00001',
        team_id: slack.workspace.teamId,
        is_usergroup: true,
        handle: 'sre',
        name: 'SRE',
        date_create: 1_700_000_000,
        date_delete: 0,
        user_count: 1,
      }),
    ]);
    expect(plain.usergroups?.[0]).not.toHaveProperty('users');
    const full = await client.usergroups.list({ include_users: true, include_disabled: true });
    expect(full.usergroups?.map((g) => [g.handle, g.users, g.date_delete])).toEqual([
      ['sre', [alice.id], 0],
      ['old', [], 1_700_000_000],
    ]);
  });

  it('needs usergroups:read', async () => {
    await start(['chat:write']);
    await expect(client.usergroups.list()).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'usergroups:read' } });
  });
});

describe('seeding user groups', () => {
  it('refuses a duplicate handle, an unknown member and an id not starting with S', async () => {
    await start();
    slack.addUserGroup({ handle: 'sre', users: [] });
    expect(() => slack.addUserGroup({ handle: 'sre', users: [] })).toThrow(/already exists/);
    expect(() => slack.addUserGroup({ handle: 'x', users: ['U0NOBODY'] })).toThrow(/no user U0NOBODY/);
    expect(() => slack.addUserGroup({ id: 'C0WRONG', handle: 'y', users: [] })).toThrow(/must start with S/);
  });
});
