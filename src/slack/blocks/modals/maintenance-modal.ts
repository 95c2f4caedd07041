import type { KnownBlock, ModalView } from '@slack/types';
import { inputIds, viewIds } from '../../ids.js';
import { plain } from '../text.js';
import { modal, servicesInput, textInput } from './form-parts.js';

/** `/incident maintenance`: a planned window for the status page and the stakeholders. */
export const maintenanceModal = (input: { services: readonly { id: string; name: string }[]; now: number; channelId?: string }): ModalView => {
  const hour = 3_600_000;
  const start = Math.ceil((input.now + hour) / hour) * hour;
  const picker = (id: string, label: string, at: number): KnownBlock => ({
    type: 'input',
    block_id: id,
    label: plain(label),
    element: { type: 'datetimepicker', action_id: id, initial_date_time: Math.floor(at / 1000) },
  });
  return modal(
    viewIds.maintenance,
    'Schedule maintenance',
    'Schedule',
    [
      textInput(inputIds.maintenanceTitle, 'Title (public)', { maxLength: 120, placeholder: 'Database upgrade' }),
      servicesInput(input.services, { id: inputIds.maintenanceServices, optional: false }),
      picker(inputIds.startsAt, 'Starts', start),
      picker(inputIds.endsAt, 'Ends', start + hour),
      textInput(inputIds.maintenanceMessage, 'Message (public)', {
        multiline: true,
        maxLength: 1500,
        placeholder: 'What happens and what customers may notice',
      }),
    ],
    input.channelId ? { channelId: input.channelId } : {},
  );
};
