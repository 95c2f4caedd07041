import type { ModalView } from '@slack/types';
import { incidentKey, type Incident } from '../../../domain/incident/incident.js';
import { inputIds, viewIds } from '../../ids.js';
import { option, plain, section } from '../text.js';
import { incidentMetadata, modal, userSelect } from './form-parts.js';

/** Page a configured service (its escalation policy) or a person directly. */
export const pageModal = (incident: Incident, services: readonly { id: string; name: string }[]): ModalView =>
  modal(
    viewIds.page,
    'Page someone',
    'Page',
    [
      section(`Page for *${incidentKey(incident)}*: choose a service (its on-call escalation policy) or a person.`),
      ...(services.length > 0
        ? [
            {
              type: 'input' as const,
              block_id: inputIds.pageService,
              optional: true,
              label: plain('Service'),
              element: {
                type: 'static_select' as const,
                action_id: inputIds.pageService,
                options: services.slice(0, 100).map((service) => option(service.name, service.id)),
              },
            },
          ]
        : []),
      { ...userSelect(inputIds.pageUser, 'Person', undefined, 'Pages this person directly, repeating until they acknowledge.') },
    ],
    incidentMetadata(incident),
  );
