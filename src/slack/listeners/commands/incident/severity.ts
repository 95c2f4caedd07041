import { changeSeverity } from '../../../../app/incident/change-severity.js';
import { severityModal } from '../../../blocks/modals/incident-modals.js';
import { parseSeverityCommand } from '../../../parse/incident-commands.js';
import { inIncident } from './subcommand.js';

export const severity = inIncident({
  name: 'severity',
  aliases: ['sev'],
  usage: '`/incident severity [SEV1-SEV4]`: change the severity',
  parse: parseSeverityCommand,
  run: ({ deps, userId, incident, openModal }, { to }) =>
    to ? changeSeverity(deps, { incidentId: incident.id, to, actorId: userId }) : openModal(severityModal(incident)),
});
