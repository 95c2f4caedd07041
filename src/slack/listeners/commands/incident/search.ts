import { searchIncidents } from '../../../../app/incident/search-incidents.js';
import { searchResults } from '../../../blocks/postmortem.js';
import { parseSearchCommand } from '../../../parse/incident-commands.js';
import { anywhere } from './subcommand.js';

export const search = anywhere({
  name: 'search',
  usage: '`/incident search <words>`: find past incidents and their postmortems',
  parse: parseSearchCommand,
  run: ({ deps, reply }, { words }) => reply(searchResults(words, searchIncidents(deps, words))),
});
