import { describe, expect, it } from 'vitest';
import { decide, namedGroups, type Grantee, type PermissionsConfig } from '../../../src/domain/permissions/permissions.js';

const user = (id: string): Grantee => ({ kind: 'user', id });
const group = (id: string): Grantee => ({ kind: 'usergroup', id });
const roles: Grantee = { kind: 'incident_roles' };

const config: PermissionsConfig = {
  admins: [user('U0ADMIN'), group('S0LEADS')],
  actions: { publish: [roles, group('S0COMMS')], silence: [group('S0SRE')], cancel: [{ kind: 'everyone' }] },
};
const groups: Record<string, string[]> = { S0COMMS: ['U0COMMS'], S0LEADS: ['U0LEAD'], S0SRE: ['U0SRE'] };
const members = (groupId: string) => (groups[groupId] ? new Set(groups[groupId]) : undefined);
const ask = (actorId: string, roleHolders: string[] = []) => ({ actorId, roleHolders, members });

describe('who may do what', () => {
  it('lets an action no rule names be done by anyone', () => {
    expect(decide(config, 'maintenance', ask('U0ANYONE'))).toEqual({ allowed: true });
    expect(decide({ admins: [], actions: {} }, 'publish', ask('U0ANYONE'))).toEqual({ allowed: true });
  });

  it('lets role holders of the incident, members of a named group, admins and admin groups publish', () => {
    expect(decide(config, 'publish', ask('U0IC', ['U0IC', 'U0SCRIBE']))).toEqual({ allowed: true });
    expect(decide(config, 'publish', ask('U0COMMS'))).toEqual({ allowed: true });
    expect(decide(config, 'publish', ask('U0ADMIN'))).toEqual({ allowed: true });
    expect(decide(config, 'publish', ask('U0LEAD'))).toEqual({ allowed: true });
    expect(decide(config, 'cancel', ask('U0ANYONE'))).toEqual({ allowed: true });
  });

  it('refuses anyone else, saying who may', () => {
    expect(decide(config, 'publish', ask('U0OTHER', ['U0IC']))).toEqual({
      allowed: false,
      reason: "Only the incident's role holders or members of user group `S0COMMS` may publish to the public status page (admins may too: <@U0ADMIN> or members of user group `S0LEADS`).",
    });
    // A role in some other incident is no role in this one.
    expect(decide(config, 'publish', ask('U0IC', []))).toMatchObject({ allowed: false });
    expect(decide({ admins: [], actions: { silence: [user('U0A'), user('U0B'), group('S0SRE')] } }, 'silence', ask('U0C'))).toEqual({
      allowed: false,
      reason: 'Only <@U0A>, <@U0B> or members of user group `S0SRE` may create or expire alert silences.',
    });
  });

  it('says it cannot tell when a group that might allow it has not been read from Slack', () => {
    const unread = (groupId: string) => (groupId === 'S0COMMS' ? undefined : members(groupId));
    expect(decide(config, 'publish', { actorId: 'U0OTHER', roleHolders: [], members: unread })).toEqual({
      allowed: false,
      reason: 'I could not read the members of user group `S0COMMS` from Slack yet, so I cannot tell whether you may publish to the public status page. Try again in a minute.',
    });
    // Someone another grantee lets through does not wait for the group.
    expect(decide(config, 'publish', { actorId: 'U0ADMIN', roleHolders: [], members: unread })).toEqual({ allowed: true });
  });

  it('does not ask about a group when a user id or a role already lets the person through', () => {
    const asked: string[] = [];
    const spying = (groupId: string) => (asked.push(groupId), members(groupId));
    expect(decide(config, 'publish', { actorId: 'U0IC', roleHolders: ['U0IC'], members: spying })).toEqual({ allowed: true });
    expect(decide(config, 'publish', { actorId: 'U0ADMIN', roleHolders: [], members: spying })).toEqual({ allowed: true });
    expect(asked).toEqual([]);
  });

  it('lists each user group the rules name once', () => {
    expect(namedGroups(config)).toEqual(['S0LEADS', 'S0COMMS', 'S0SRE']);
  });
});
