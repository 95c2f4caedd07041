import { describe, expect, it } from 'vitest';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { configRefusal } from '../support/config-refusal.js';

const refusal = configRefusal;

describe('permissions in the configuration file', () => {
  it('leaves everything open when there is no permissions section', () => {
    expect(parseIncidentConfig('{}').permissions).toEqual({ admins: [], actions: {} });
  });

  it('reads users, user groups, everyone and incident_roles', () => {
    const config = parseIncidentConfig('permissions: { admins: [S0LEADS], publish: [incident_roles, S0COMMS, U0ALICE], cancel: [everyone] }');
    expect(config.permissions).toEqual({
      admins: [{ kind: 'usergroup', id: 'S0LEADS' }],
      actions: {
        publish: [{ kind: 'incident_roles' }, { kind: 'usergroup', id: 'S0COMMS' }, { kind: 'user', id: 'U0ALICE' }],
        cancel: [{ kind: 'everyone' }],
      },
    });
  });

  it('refuses what is not a person, a group or one of the two words, by field', () => {
    expect(refusal('permissions: { silence: [S0SRE, "@sre"] }')).toEqual(['permissions.silence[1]: must be a Slack user id (U…), a user group id (S…), everyone or incident_roles']);
    expect(refusal('permissions: { publsh: [S0SRE] }')[0]).toMatch(/^permissions\.publsh: unknown key \(did you mean publish\?/);
  });

  it('refuses incident_roles where no incident is concerned', () => {
    expect(refusal('permissions: { maintenance: [S0SRE, incident_roles] }')).toEqual([
      'permissions.maintenance[1]: incident_roles only works for actions about one incident (publish, cancel)',
    ]);
    expect(refusal('permissions: { admins: [incident_roles] }')).toEqual(['permissions.admins[0]: incident_roles only works for actions about one incident (publish, cancel)']);
  });

  it('refuses an action nobody could do', () => {
    expect(refusal('permissions: { cancel: [] }')).toEqual(['permissions.cancel: nobody could cancel an incident: name who may, or leave cancel out to let everyone']);
    // With admins, an empty list means admins only.
    expect(parseIncidentConfig('permissions: { admins: [U0ADMIN], cancel: [] }').permissions.actions).toEqual({ cancel: [] });
  });
});
