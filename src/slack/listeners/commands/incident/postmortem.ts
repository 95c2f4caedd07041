import { requestPostmortem } from '../../../../app/postmortem/generate-postmortem.js';
import { noWords } from '../../../parse/command-text.js';
import { inIncident } from './subcommand.js';

export const postmortem = inIncident({
  name: 'postmortem',
  usage: '`/incident postmortem`: assemble the blameless postmortem draft (also automatic on resolve)',
  parse: noWords,
  run: async ({ deps, userId, incident, reply }) => {
    requestPostmortem(deps, { incidentId: incident.id, actorId: userId });
    await reply(':hourglass_flowing_sand: Assembling the postmortem draft from the timeline…');
  },
});
