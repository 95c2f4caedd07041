import { listOpenIncidents } from '../../../../app/incident/list-open-incidents.js';
import { incidentList, maxListed } from '../../../blocks/messages.js';
import { noWords } from '../../../parse/command-text.js';
import { anywhere } from './subcommand.js';

export const list = anywhere({
  name: 'list',
  usage: '`/incident list`: open incidents',
  parse: noWords,
  run: ({ deps, userId, reply }) => reply(incidentList(listOpenIncidents(deps, { viewerId: userId, limit: maxListed }), deps.clock.now())),
});
