import type { KnownBlock } from '@slack/types';
import { formatMatcher, type Silence } from '../../domain/alerts/silence.js';
import { actionIds } from '../ids.js';
import { clip, escape, plain, section, slackDate } from './text.js';

/** `/incident silences`: the silences in force, each with an Expire button. */
export const silenceList = (silences: Silence[]): { text: string; blocks: KnownBlock[] } => ({
  text: `${silences.length} active silences`,
  blocks:
    silences.length === 0
      ? [section('No active silences. *Silence…* on an alert card creates one.')]
      : silences.slice(0, 40).map(
          (silence): KnownBlock => ({
            type: 'section',
            // One per silence, so each Expire button can be told apart.
            block_id: `silence:${silence.id}`,
            text: {
              type: 'mrkdwn',
              text: clip(
                `\`${escape(silence.matchers.map(formatMatcher).join(', '))}\`${silence.holdsPages ? ' · :pager: holds pages' : ''}\n` +
                  `until ${slackDate(silence.endsAt)} · by <@${silence.createdBy}> · ${escape(silence.reason)}`,
                3000,
              ),
            },
            accessory: { type: 'button', text: plain('Expire'), action_id: actionIds.expireSilence, value: silence.id, style: 'danger' },
          }),
        ),
});
