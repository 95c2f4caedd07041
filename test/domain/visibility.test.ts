import { describe, expect, it } from 'vitest';
import { canSeeFollowUp, canSeeIncident, type Viewer } from '../../src/domain/incident/visibility.js';
import type { FollowUp } from '../../src/domain/postmortem/types.js';
import { makeIncident, T_NOW } from './make-incident.js';

const privateIncident = makeIncident({ isPrivate: true, reporterId: 'U_REPORTER', roles: { commander: 'U_IC', scribe: 'U_SCRIBE' }, channelId: 'C_SECRET' });
const followUp: FollowUp = {
  id: 'fu_1',
  incidentId: privateIncident.id,
  text: 'Rotate keys',
  ownerId: 'U_OWNER',
  dueAt: null,
  blocking: false,
  status: 'open',
  createdBy: 'U_SCRIBE',
  createdAt: T_NOW,
  doneAt: null,
};

describe('who may see a private incident and its follow-ups', () => {
  const cases: Array<[string, Viewer, boolean, boolean]> = [
    // who, viewer, sees the incident, sees the follow-up
    ['the reporter', { userId: 'U_REPORTER' }, true, true],
    ['a role holder', { userId: 'U_IC', channelId: 'C_GENERAL' }, true, true],
    ['anyone acting from inside its private channel', { userId: 'U_MEMBER', channelId: 'C_SECRET' }, true, true],
    ['the follow-up owner', { userId: 'U_OWNER' }, false, true],
    ['a bystander', { userId: 'U_BYSTANDER' }, false, false],
    ['a bystander in another channel', { userId: 'U_BYSTANDER', channelId: 'C_GENERAL' }, false, false],
  ];
  it.each(cases)('%s', (_who, viewer, incident, item) => {
    expect(canSeeIncident(privateIncident, viewer)).toBe(incident);
    expect(canSeeFollowUp(followUp, privateIncident, viewer)).toBe(item);
  });

  it('a public incident and its follow-ups are visible to everyone', () => {
    const open = makeIncident({ isPrivate: false });
    expect(canSeeIncident(open, { userId: 'U_BYSTANDER' })).toBe(true);
    expect(canSeeFollowUp({ ...followUp, incidentId: open.id }, open, { userId: 'U_BYSTANDER' })).toBe(true);
  });

  it('a follow-up whose incident is gone is visible only to its owner and writer', () => {
    expect(canSeeFollowUp(followUp, undefined, { userId: 'U_OWNER' })).toBe(true);
    expect(canSeeFollowUp(followUp, undefined, { userId: 'U_BYSTANDER' })).toBe(false);
  });
});
