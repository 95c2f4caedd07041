import { activeSilences } from '../../../../app/alerts/silence-alerts.js';
import { silenceList } from '../../../blocks/silences.js';
import { noWords } from '../../../parse/command-text.js';
import { anywhere } from './subcommand.js';

export const silences = anywhere({
  name: 'silences',
  usage: '`/incident silences`: active alert silences (made with *Silence…* on an alert card), each with Expire',
  parse: noWords,
  run: ({ deps, reply }) => reply(silenceList(activeSilences(deps))),
});
