import { setMilestone } from '../../../../app/incident/set-milestone.js';
import { parseMilestoneCommand } from '../../../parse/incident-commands.js';
import { inIncident } from './subcommand.js';

export const milestone = inIncident({
  name: 'milestone',
  usage: '`/incident milestone <started|detected|mitigated> [HH:MM]`: when impact began, was detected or mitigated (for the postmortem)',
  parse: parseMilestoneCommand,
  run: ({ deps, userId, incident }, { milestone: name, when }) => setMilestone(deps, { incidentId: incident.id, milestone: name, when, actorId: userId }),
});
