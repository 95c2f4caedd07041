import type { ModalView } from '@slack/types';
import type { Severity } from '../../../domain/incident/severity.js';
import { inputIds, viewIds } from '../../ids.js';
import { option, plain } from '../text.js';
import { limits, modal, servicesInput, severityOptions, staticSelect, textInput, userSelect } from './form-parts.js';

const count = (n: number) => n.toLocaleString('en-US');

/** A title typed after `/incident declare` that does not fit: say so, and keep the text. */
const tooLongHint = (length: number): string =>
  `What you typed has ${count(length)} characters and a title at most ${limits.title}: the start is here, and ` +
  (length <= limits.summary ? 'all of it is in the summary.' : `the first ${count(limits.summary)} characters are in the summary.`);

export const declareModal = (input: {
  title: string;
  reporterId: string;
  channelId?: string;
  services?: readonly { id: string; name: string }[];
  /** Pre-filled from an alert: its severity, service and words. */
  severity?: Severity;
  selectedServices?: readonly string[];
  summary?: string;
  alertGroupId?: string;
}): ModalView => {
  const tooLong = input.title.length > limits.title;
  return modal(
    viewIds.declare,
    'Declare an incident',
    'Declare',
    [
      textInput(inputIds.title, 'Title', {
        maxLength: limits.title,
        initial: input.title,
        placeholder: 'Checkout fails for card payments',
        ...(tooLong ? { hint: tooLongHint(input.title.length) } : {}),
      }),
      staticSelect(inputIds.severity, 'Severity', severityOptions(), severityOptions().find((candidate) => candidate.value === input.severity)),
      textInput(inputIds.summary, 'Summary', {
        multiline: true,
        maxLength: limits.summary,
        ...(input.summary ? { initial: input.summary } : {}),
        placeholder: 'What is happening, as far as you know',
        optional: true,
        ...(tooLong ? { initial: input.title.slice(0, limits.summary) } : {}),
      }),
      textInput(inputIds.impact, 'Customer impact', {
        multiline: true,
        maxLength: limits.impact,
        placeholder: 'Who is affected and how',
        optional: true,
      }),
      servicesInput(input.services ?? [], { selected: input.selectedServices ?? [] }),
      userSelect(inputIds.commander, 'Incident commander', input.reporterId, 'Leave empty if nobody can take command yet; the channel will be nudged.'),
      {
        type: 'input',
        block_id: inputIds.visibility,
        optional: true,
        label: plain('Visibility'),
        element: {
          type: 'checkboxes',
          action_id: inputIds.visibility,
          options: [option('Private (security incident)', 'private', 'Private channel, no public announcement')],
        },
      },
    ],
    { ...(input.channelId ? { channelId: input.channelId } : {}), ...(input.alertGroupId ? { alertGroupId: input.alertGroupId } : {}) },
  );
};
