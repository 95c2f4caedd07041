import type { ModalView } from '@slack/types';
import type { Incident } from '../../../domain/incident/incident.js';
import { inputIds, viewIds } from '../../ids.js';
import { option, plain } from '../text.js';
import { incidentMetadata, modal, textInput, userSelect } from './form-parts.js';

/** Add follow-up: what, who, by when, and whether it must be done before the incident is closed. */
export const followUpModal = (incident: Incident): ModalView =>
  modal(
    viewIds.followUp,
    'Add follow-up',
    'Add',
    [
      textInput(inputIds.followUpText, 'What needs doing', { multiline: true, maxLength: 500, placeholder: 'Alert on certificate expiry 14 days ahead' }),
      userSelect(inputIds.followUpOwner, 'Owner', undefined, 'Who makes sure it happens. Optional.'),
      { type: 'input', block_id: inputIds.followUpDue, optional: true, label: plain('Due'), element: { type: 'datepicker', action_id: inputIds.followUpDue } },
      {
        type: 'input',
        block_id: inputIds.followUpBlocking,
        optional: true,
        label: plain('Blocking'),
        element: { type: 'checkboxes', action_id: inputIds.followUpBlocking, options: [option('Must be done before the incident is closed', 'blocking')] },
      },
    ],
    incidentMetadata(incident),
  );
