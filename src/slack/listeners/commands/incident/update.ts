import { updateFormDefaults } from '../../../../app/communication/update-form.js';
import { updateModal } from '../../../blocks/modals/update-modal.js';
import { noWords } from '../../../parse/command-text.js';
import { inIncident } from './subcommand.js';

export const update = inIncident({
  name: 'update',
  usage: '`/incident update`: post an update',
  parse: noWords,
  run: ({ deps, userId, incident, openModal }) => openModal(updateModal(incident, updateFormDefaults(deps, incident, userId))),
});
