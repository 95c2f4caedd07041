import type { FakeSlack } from 'slack-emulator';

/** The people of the sandbox, chosen so every role in an incident can be played. */
export const sandboxPeople = [
  { id: 'U0SBALICE1', name: 'alice', realName: 'Alice Reporter', title: 'Support engineer (reports the incident)' },
  { id: 'U0SBBOB001', name: 'bob', realName: 'Bob Oncall', title: 'Payments engineer, on call' },
  { id: 'U0SBCAROL1', name: 'carol', realName: 'Carol Oncall', title: 'Payments engineer, on call' },
  { id: 'U0SBDAN001', name: 'dan', realName: 'Dan Manager', title: 'Engineering manager' },
  { id: 'U0SBERIN01', name: 'erin', realName: 'Erin Executive', title: 'VP Engineering' },
] as const;

export const sandboxChannels = {
  incidents: 'C0SBINCIDS',
  stakeholders: 'C0SBSTAKES',
  executives: 'C0SBEXECS1',
} as const;

/** Seeds people, channels and a user group matching src/sandbox/sandbox-config.yml. */
export const seedWorkspace = (slack: FakeSlack): void => {
  const everyone = sandboxPeople.map((person) => person.id);
  for (const person of sandboxPeople) slack.addUser({ id: person.id, name: person.name, realName: person.realName, tz: 'Europe/London' });
  slack.addChannel({ id: sandboxChannels.incidents, name: 'incidents', members: everyone, topic: 'Incident announcements' });
  slack.addChannel({ id: sandboxChannels.stakeholders, name: 'stakeholders', members: ['U0SBALICE1', 'U0SBDAN001', 'U0SBERIN01'], topic: 'Updates for support and account teams' });
  slack.addChannel({ id: sandboxChannels.executives, name: 'executives', members: ['U0SBDAN001', 'U0SBERIN01'], topic: 'Executive summaries' });
  slack.addUserGroup({ id: 'S0SBSRE001', handle: 'sre', name: 'SRE', users: ['U0SBALICE1', 'U0SBBOB001', 'U0SBCAROL1'] });
};
