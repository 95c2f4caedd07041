import type { ModalView } from '@slack/types';
import { inputIds, viewIds } from '../../ids.js';
import { clip, context, escape, option, plain } from '../text.js';
import { modal, staticSelect, textInput } from './form-parts.js';

/** The Silence… form's durations: value is minutes. */
export const silenceDurations = [
  ['1 hour', 60],
  ['2 hours', 120],
  ['4 hours', 240],
  ['8 hours', 480],
  ['1 day', 1440],
  ['3 days', 4320],
  ['1 week', 10080],
] as const;

/** Silence…: matchers pre-filled from the alert, how long, why, and the tick for silences that hold pages. */
export const silenceModal = (input: { matchers: string; subject: string; channelId?: string }): ModalView =>
  modal(
    viewIds.silence,
    'Silence alerts',
    'Silence',
    [
      context(`Silencing alerts like *${escape(clip(input.subject, 200))}*. Matching alerts are recorded, never notified or paged.`),
      textInput(inputIds.silenceMatchers, 'Matchers, one per line', {
        multiline: true,
        maxLength: 3000,
        initial: input.matchers,
        hint: 'name="value", name!="value", name=~"regex", name!~"regex" (regexes match the whole value). Delete the lines that should not narrow it.',
      }),
      staticSelect(
        inputIds.silenceDuration,
        'Duration',
        silenceDurations.map(([label, minutes]) => option(label, String(minutes))),
        option(silenceDurations[1][0], String(silenceDurations[1][1])),
      ),
      textInput(inputIds.silenceReason, 'Reason', { maxLength: 500, placeholder: 'Known issue, fix deploying' }),
      {
        type: 'input',
        block_id: inputIds.silenceHoldsPages,
        optional: true,
        label: plain('Pages'),
        element: { type: 'checkboxes', action_id: inputIds.silenceHoldsPages, options: [option('I know this holds pages (critical alerts of tier-1 services)', 'holds_pages')] },
      },
    ],
    input.channelId ? { channelId: input.channelId } : {},
  );
