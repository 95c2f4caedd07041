import type { KnownBlock } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { CuratedEntry } from '../../domain/postmortem/curate-timeline.js';
import type { Rendered } from './communications.js';
import { clip, context, escape, section, slackDate } from './text.js';

const maxLines = 40;

/** `/incident timeline`: the curated timeline so far, newest last, within one message. */
export const curatedTimelineMessage = (incident: Incident, entries: CuratedEntry[]): Rendered => {
  const shown = entries.slice(-maxLines);
  const lines: KnownBlock[] = shown.map((entry) =>
    section(
      clip(
        `${entry.key ? ':pushpin: ' : ''}${slackDate(entry.at, '{time}')} ${escape(entry.text)}` +
          (entry.sections.length > 0 ? ` _(${entry.sections.join(', ')})_` : '') +
          entry.comments.map((comment) => `\n> ${escape(comment.text)} (<@${comment.actorId}>)`).join('') +
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
