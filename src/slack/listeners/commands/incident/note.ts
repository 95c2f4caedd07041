import { addNote } from '../../../../app/incident/add-note.js';
import { parseFreeText } from '../../../parse/incident-commands.js';
import { inIncident } from './subcommand.js';

export const note = inIncident({
  name: 'note',
  usage: '`/incident note <text>`: add a note to the timeline',
  parse: parseFreeText,
  run: ({ deps, userId, incident }, { text }) => addNote(deps, { incidentId: incident.id, actorId: userId, text }),
});
