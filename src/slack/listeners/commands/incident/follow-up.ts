import { addFollowUp } from '../../../../app/postmortem/follow-ups.js';
import { parseFollowUpCommand } from '../../../parse/follow-up-command.js';
import { inIncident } from './subcommand.js';

export const followUp = inIncident({
  name: 'followup',
  aliases: ['follow-up'],
  usage: '`/incident followup <what> [@owner] [YYYY-MM-DD] [blocking]`: record a follow-up action',
  namesPeople: true,
  parse: parseFollowUpCommand,
  run: ({ deps, userId, incident }, input) => addFollowUp(deps, { incidentId: incident.id, ...input, actorId: userId }),
});
