import type { KnownBlock } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { CuratedEntry } from '../../domain/postmortem/curate-timeline.js';
import type { Rendered } from './communications.js';
import { clip, context, mentionMarkers, section, slackDate } from './text.js';

const maxLines = 40;

/** `/incident timeline`: the curated timeline so far, newest last, within one message; people as mentions. */
export const curatedTimelineMessage = (incident: Incident, curate: (person: (userId: string) => string) => CuratedEntry[]): Rendered => {
  const { person, mrkdwn } = mentionMarkers();
  const entries = curate(person);
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
