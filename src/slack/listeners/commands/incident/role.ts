import { assignRole } from '../../../../app/incident/assign-role.js';
import { roleModal } from '../../../blocks/modals/incident-modals.js';
import { parseRoleCommand } from '../../../parse/incident-commands.js';
import { inIncident } from './subcommand.js';

export const role = inIncident({
  name: 'role',
  usage: '`/incident role <commander|comms|scribe|ops> @person`: assign a role',
  namesPeople: true,
  parse: parseRoleCommand,
  // What is missing (the role, the person) is asked for in the form.
  run: ({ deps, userId, incident, openModal }, { role: which, person }) =>
    which && person ? assignRole(deps, { incidentId: incident.id, role: which, userId: person, actorId: userId }) : openModal(roleModal(incident, which)),
});
