import { listFollowUps } from '../../../../app/postmortem/follow-ups.js';
import { followUpList } from '../../../blocks/postmortem.js';
import { parseFollowUpsCommand } from '../../../parse/follow-up-command.js';
import { anywhere } from './subcommand.js';

export const followUps = anywhere({
  name: 'followups',
  aliases: ['follow-ups'],
  usage: '`/incident followups [mine|overdue|all]`: open follow-ups (in an incident channel: its own)',
  parse: parseFollowUpsCommand,
  run: ({ deps, userId, channelId, channelIncident, reply }, { view }) =>
    reply(followUpList(listFollowUps(deps, { view, userId, channelId, incidentId: channelIncident?.id }))),
});
