import { changeStatus } from '../../../../app/incident/change-status.js';
import { statusModal } from '../../../blocks/modals/incident-modals.js';
import { parseStatusCommand } from '../../../parse/incident-commands.js';
import { inIncident } from './subcommand.js';

export const status = inIncident({
  name: 'status',
  usage: '`/incident status [investigating|identified|monitoring|resolved|closed]`: change the status',
  parse: parseStatusCommand,
  run: ({ deps, userId, incident, openModal }, { to, reason }) =>
    to ? changeStatus(deps, { incidentId: incident.id, to, actorId: userId, reason }) : openModal(statusModal(incident)),
});
