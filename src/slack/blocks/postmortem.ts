import type { KnownBlock } from '@slack/types';
import { searchMatchMarks, type SearchField, type SimilarIncident } from '../../app/incident/ports.js';
import type { PostmortemNotice } from '../../app/postmortem/ports.js';
import { plainSlackText } from '../../domain/postmortem/people.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { FollowUp } from '../../domain/postmortem/types.js';
import type { FollowUpView } from '../../app/postmortem/follow-ups.js';
import { actionIds } from '../ids.js';
import type { Rendered } from './communications.js';
import { clip, context, escape, mention, mentionMarkers, plain, section, slackDate } from './text.js';

export const postmortemNotice = (notice: PostmortemNotice): Rendered => ({
  text: `Postmortem draft for ${incidentKey(notice.incident)}`,
  blocks: [
    section(
      `:memo: *Postmortem draft* for ${incidentKey(notice.incident)} is ready: <${notice.url}|Markdown>` +
        (notice.canvasId ? ' and a canvas in this channel' : '') +
        `. It is a starting point: add contributing factors, what went well and where we got lucky.\n` +
        `Open follow-ups: ${notice.openFollowUps}.`,
    ),
    {
      type: 'actions',
      elements: [{ type: 'button', text: plain('Add follow-up'), action_id: actionIds.addFollowUp, value: notice.incident.id }],
    },
    context('Blameless: describe systems and conditions, not people.'),
  ],
});

const matchedIn: Record<SearchField, string> = {
  title: 'title',
  summary: 'summary',
  message: 'channel',
  update: 'update',
  follow_up: 'follow-up',
};

/** Why it matched: the words around the match, the matched ones in bold, people as mentions. */
const matchLine = (match: NonNullable<SimilarIncident['match']>): string => {
  const { person, mrkdwn } = mentionMarkers();
  const words = mrkdwn(clip(plainSlackText(match.snippet, person).replace(/\s+/g, ' ').trim(), 300))
    .replaceAll(searchMatchMarks.start, '*')
    .replaceAll(searchMatchMarks.end, '*');
  return `\n    _${matchedIn[match.field]}:_ ${words}`;
};

/** One line per past incident: key, title, severity, date, channel and postmortem links, and why it matched. */
const incidentLinks = (found: SimilarIncident[]): string =>
  found
    .map(
      ({ incident, postmortemUrl, match }) =>
        `• ${incidentKey(incident)} ${escape(clip(incident.title, 150))} (${incident.severity}, ${slackDate(incident.declaredAt, '{date_short}')})` +
        (incident.channelId ? ` <#${incident.channelId}>` : '') +
        (postmortemUrl ? ` · <${postmortemUrl}|postmortem>` : '') +
        (match && match.field !== 'title' ? matchLine(match) : ''),
    )
    .join('\n');

export const similarIncidents = (similar: SimilarIncident[]): Rendered => ({
  text: `Similar past incidents: ${similar.map((entry) => incidentKey(entry.incident)).join(', ')}`,
  blocks: [section(`:books: *Similar past incidents*\n${incidentLinks(similar)}`)],
});

const followUpLine = (followUp: FollowUp, incident: Incident | undefined) =>
  `${followUp.blocking ? ':no_entry: ' : ''}${escape(clip(followUp.text, 300))} · ${mention(followUp.ownerId)}` +
  (followUp.dueAt ? ` · due ${slackDate(followUp.dueAt, '{date_short}')}` : '') +
  (incident ? ` · ${incidentKey(incident)}` : '');

const followUpListTitles: Record<FollowUpView, string> = {
  mine: 'Your open follow-ups',
  overdue: 'Overdue follow-ups',
  incident: 'Open follow-ups of this incident',
  all: 'All open follow-ups',
};

/** `/incident followups`: the list asked for, with each follow-up's incident where it is another's. */
export const followUpList = ({ view, listed }: { view: FollowUpView; listed: { followUp: FollowUp; incident: Incident | undefined }[] }): Rendered =>
  followUpSections(
    followUpListTitles[view],
    listed.map((entry) => entry.followUp),
    new Map(listed.flatMap(({ incident }) => (incident ? [[incident.id, incident] as const] : []))),
  );

/** At most 40 follow-ups, each with a Done button, within a message's 50 blocks. */
const followUpSections = (title: string, followUps: FollowUp[], incidents: Map<string, Incident>): Rendered => ({
  text: `${title}: ${followUps.length}`,
  blocks: [
    section(`*${escape(title)}*${followUps.length === 0 ? '\nNone. :tada:' : ''}`),
    ...followUps.slice(0, 40).map(
      (followUp): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: followUpLine(followUp, incidents.get(followUp.incidentId)) },
        accessory: { type: 'button', text: plain('Done'), action_id: actionIds.completeFollowUp, value: followUp.id },
      }),
    ),
    ...(followUps.length > 40 ? [context(`${followUps.length - 40} more not shown.`)] : []),
  ],
});

export const followUpReminder = (followUp: FollowUp, incident: Incident): Rendered => ({
  text: `Follow-up due: ${escape(followUp.text)}`,
  blocks: [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `:alarm_clock: *Follow-up due* from ${incidentKey(incident)}:\n${followUpLine(followUp, undefined)}` },
      accessory: { type: 'button', text: plain('Mark done'), action_id: actionIds.completeFollowUp, value: followUp.id, style: 'primary' },
    },
  ],
});

/** `reason` is a refusal's message: mrkdwn whose user text (follow-up titles) is already escaped. */
export const confirmCloseMessage = (incident: { id: string; key: string }, reason: string): Rendered => ({
  text: reason,
  blocks: [
    section(`:warning: ${reason} Close ${incident.key} anyway?`),
    {
      type: 'actions',
      elements: [{ type: 'button', text: plain('Close anyway'), action_id: actionIds.confirmClose, value: incident.id, style: 'danger' }],
    },
  ],
});

export const searchResults = (words: string, found: SimilarIncident[]): Rendered => ({
  text: `${found.length} incidents match "${escape(words)}"`,
  blocks:
    found.length === 0
      ? [section(`No past incident matches *${escape(clip(words, 200))}*.`)]
      : [section(`*${found.length} incident${found.length === 1 ? '' : 's'} match “${escape(clip(words, 200))}”*\n${incidentLinks(found)}`)],
});
