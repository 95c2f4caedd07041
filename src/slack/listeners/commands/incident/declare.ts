import { serviceChoices } from '../../../../app/incident/service-choices.js';
import { declareModal } from '../../../blocks/modals/declare-modal.js';
import { parseDeclareCommand } from '../../../parse/incident-commands.js';
import { anywhere } from './subcommand.js';

export const declare = anywhere({
  name: 'declare',
  aliases: ['new'],
  usage: '`/incident` or `/incident declare [title]`: declare an incident (opens a form)',
  parse: parseDeclareCommand,
  run: ({ deps, userId, channelId, openModal }, { title }) =>
    openModal(declareModal({ title, reporterId: userId, channelId, services: serviceChoices(deps) })),
});
