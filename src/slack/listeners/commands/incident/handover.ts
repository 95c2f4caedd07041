import { handOver } from '../../../../app/incident/hand-over.js';
import { parseHandoverCommand } from '../../../parse/paging-commands.js';
import { inIncident } from './subcommand.js';

export const handover = inIncident({
  name: 'handover',
  usage: '`/incident handover @person`: hand command over, with a brief',
  namesPeople: true,
  parse: parseHandoverCommand,
  run: ({ deps, userId, incident }, { to }) => handOver(deps, { incidentId: incident.id, toUserId: to, actorId: userId }),
});
