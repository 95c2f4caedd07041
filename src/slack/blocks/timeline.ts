import { randomBytes } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { CuratedEntry } from '../../domain/postmortem/curate-timeline.js';
import type { Rendered } from './communications.js';
import { clip, context, escape, section, slackDate } from './text.js';

const maxLines = 40;

/**
 * Curates with people written as markers that cannot occur in what anyone typed (a random nonce), so the
 * text can be escaped for mrkdwn and the markers then turned into `<@U…>` mentions Slack shows by name.
 */
const withMentions = (curate: (person: (userId: string) => string) => CuratedEntry[]) => {
  const nonce = randomBytes(9).toString('base64url');
  const entries = curate((userId) => `\u0000${nonce}${userId}\u0000`);
  const marker = new RegExp(`\u0000${nonce}([UW][A-Z0-9_]+)\u0000`, 'g');
  return { entries, mrkdwn: (text: string) => escape(text).replace(marker, '<@$1>') };
};

/** `/incident timeline`: the curated timeline so far, newest last, within one message; people as mentions. */
export const curatedTimelineMessage = (incident: Incident, curate: (person: (userId: string) => string) => CuratedEntry[]): Rendered => {
  const { entries, mrkdwn } = withMentions(curate);
  const shown = entries.slice(-maxLines);
  const lines: KnownBlock[] = shown.map((entry) =>
    section(
      clip(
        `${entry.key ? ':pushpin: ' : ''}${slackDate(entry.at, '{time}')} ${mrkdwn(entry.text)}` +
          (entry.sections.length > 0 ? ` _(${entry.sections.join(', ')})_` : '') +
          entry.comments.map((comment) => `\n> ${mrkdwn(comment.text)} (<@${comment.actorId}>)`).join('') +
          (entry.permalink ? ` <${entry.permalink}|link>` : ''),
        3000,
      ),
    ),
  );
  return {
    text: `Timeline of ${incidentKey(incident)}: ${entries.length} entries`,
    blocks: [
      section(`*Timeline of ${incidentKey(incident)}* (${entries.length} entries${entries.length > maxLines ? `, the last ${maxLines} shown` : ''})`),
      ...lines,
      context('Pin a message or react with :pushpin: to mark a key event; :bulb: :thinking_face: :white_check_mark: :scales: file it as observation, hypothesis, action or decision.'),
    ],
  };
};
