import { serviceChoices } from '../../../../app/incident/service-choices.js';
import { startPaging } from '../../../../app/paging/start-paging.js';
import { pageModal } from '../../../blocks/modals/page-modal.js';
import { parsePageCommand } from '../../../parse/paging-commands.js';
import { inIncident } from './subcommand.js';

export const page = inIncident({
  name: 'page',
  usage: "`/incident page <service|@person>`: page a service's on-call (escalating until acknowledged) or a person",
  namesPeople: true,
  parse: parsePageCommand,
  run: ({ deps, userId, incident, openModal }, { target }) =>
    target ? startPaging(deps, { incidentId: incident.id, target, requestedBy: userId }) : openModal(pageModal(incident, serviceChoices(deps))),
});
