import { whoIsOnCall } from '../../../../app/paging/who-is-on-call.js';
import { onCallMessage } from '../../../blocks/oncall.js';
import { parseOnCallCommand } from '../../../parse/paging-commands.js';
import { anywhere } from './subcommand.js';

export const oncall = anywhere({
  name: 'oncall',
  aliases: ['on-call'],
  usage: '`/incident oncall [service|team]`: who is on call now and next',
  parse: parseOnCallCommand,
  run: ({ deps, reply }, { filter }) => reply(onCallMessage(whoIsOnCall(deps.config(), filter, deps.clock.now()))),
});
