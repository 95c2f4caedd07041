import { timelineSoFar } from '../../../../app/postmortem/timeline-so-far.js';
import { curatedTimelineMessage } from '../../../blocks/timeline.js';
import { noWords } from '../../../parse/command-text.js';
import { inIncident } from './subcommand.js';

export const timeline = inIncident({
  name: 'timeline',
  usage: '`/incident timeline`: the curated timeline so far',
  parse: noWords,
  run: ({ deps, incident, reply }) => reply(curatedTimelineMessage(incident, timelineSoFar(deps, incident))),
});
