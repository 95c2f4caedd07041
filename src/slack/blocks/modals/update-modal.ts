import type { ModalView } from '@slack/types';
import { incidentKey, type Incident } from '../../../domain/incident/incident.js';
import { allowedTransitions, statusLabels } from '../../../domain/incident/status.js';
import { inputIds, viewIds } from '../../ids.js';
import { clip, context, escape, option, plain, section } from '../text.js';
import { incidentMetadata, limits, modal, staticSelect, textInput } from './form-parts.js';

export const nextUpdateChoices = [15, 30, 60, 120, 240] as const;

export interface UpdateModalOptions {
  /** Prefilled "next update in", from the severity's cadence. */
  defaultMinutes: number;
  /**
   * The status page template filled in for the current status, shown beside the customer message
   * (which starts empty, so an update is public only when someone says so); null = private incident,
   * no public field.
   */
  customerTemplate: string | null;
  /** Why this person may not write to customers: said in place of the public fields; null = they may. */
  publishRefusal: string | null;
}

const minutesLabel = (minutes: number) => (minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`);

/** Post update: one form, every audience. */
export const updateModal = (incident: Incident, options: UpdateModalOptions): ModalView => {
  const statusOptions = [incident.status, ...allowedTransitions[incident.status].filter((status) => status !== 'cancelled')].map((status) =>
    option(statusLabels[status], status),
  );
  const minuteOptions = [...new Set([...nextUpdateChoices, options.defaultMinutes])].sort((a, b) => a - b).map((minutes) => option(minutesLabel(minutes), String(minutes)));
  return modal(
    viewIds.update,
    'Post update',
    'Post',
    [
      section(`Tell everyone in *${incidentKey(incident)}* where things stand. Engineers, stakeholders and executives each get their own version.`),
      staticSelect(inputIds.status, 'Status', statusOptions, statusOptions[0]),
      textInput(inputIds.update, 'What changed', { multiline: true, maxLength: limits.update, placeholder: 'What we learned or did since the last update' }),
      textInput(inputIds.impact, 'Current impact', { multiline: true, maxLength: limits.impact, initial: incident.impact, optional: true }),
      textInput(inputIds.nextSteps, 'Next steps', { multiline: true, maxLength: limits.update, optional: true }),
      staticSelect(inputIds.nextUpdate, 'Next update in', minuteOptions, minuteOptions.find((candidate) => candidate.value === String(options.defaultMinutes))),
      ...(options.customerTemplate === null
        ? [context(':lock: Private incident: nothing is published on the status page.')]
        : options.publishRefusal !== null
          ? [context(`:lock: ${clip(options.publishRefusal, 2900)} This update goes to Slack only.`)]
          : [
            textInput(inputIds.customerMessage, 'Customer-facing message (status page)', {
              multiline: true,
              maxLength: limits.customerMessage,
              optional: true,
              hint: 'Published on the public status page. Leave empty (and the template unticked) for an internal-only update. No internal details.',
            }),
            {
              type: 'input' as const,
              block_id: inputIds.useTemplate,
              optional: true,
              label: plain('Or publish the template'),
              element: {
                type: 'checkboxes' as const,
                action_id: inputIds.useTemplate,
                options: [option('Use the status page template for the status above', 'use')],
              },
            },
            context(`Template: ${escape(clip(options.customerTemplate, 2900))}`),
          ]),
    ],
    incidentMetadata(incident),
  );
};
