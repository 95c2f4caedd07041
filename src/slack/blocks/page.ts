import type { KnownBlock } from '@slack/types';
import type { PageDetails } from '../../app/paging/ports.js';
import { formatDuration, incidentKey, type Incident } from '../../domain/incident/incident.js';
import { severityEmoji } from '../../domain/incident/severity.js';
import { statusLabels } from '../../domain/incident/status.js';
import { actionIds, blockIds } from '../ids.js';
import { drillMark } from './incident-card.js';
import { clip, context, escape, plain, section } from './text.js';

const summaryLine = (incident: Incident) =>
  `${severityEmoji[incident.severity]} *${incidentKey(incident)}* · ${incident.severity} · ${statusLabels[incident.status]}` +
  (incident.channelId ? ` · <#${incident.channelId}>` : '');

/** The page DM: what, how bad, where to go, the runbook, and the two buttons that matter at 2 AM. */
export const pageMessage = (incident: Incident, page: PageDetails): { text: string; blocks: KnownBlock[] } => ({
  text: `:pager: ${drillMark(incident)}You are paged for ${incidentKey(incident)} (${incident.severity}): ${escape(incident.title)}`,
  blocks: [
    { type: 'header', text: plain(`${drillMark(incident)}Paged: ${incidentKey(incident)} ${incident.title}`, 150) },
    section(`${summaryLine(incident)}\nFor *${escape(page.about)}*, level ${page.levelIndex + 1}${page.pass > 0 ? `, repeat ${page.pass}` : ''}, requested by <@${page.requestedBy}>`),
    ...(incident.summary ? [section(`*Summary*\n${escape(clip(incident.summary, 1500))}`)] : []),
    ...(incident.impact ? [section(`*Customer impact*\n${escape(clip(incident.impact, 1000))}`)] : []),
    ...(page.runbook ? [section(`*Runbook*: <${page.runbook}|${escape(clip(page.runbook, 200))}>`)] : []),
    {
      type: 'actions',
      block_id: blockIds.pageActions,
      elements: [
        { type: 'button', text: plain('Acknowledge'), action_id: actionIds.acknowledgePage, value: page.escalationId, style: 'primary' },
        { type: 'button', text: plain('Escalate now'), action_id: actionIds.escalateNow, value: `${page.escalationId}:${page.levelIndex}:${page.pass}`, style: 'danger' },
      ],
    },
  ],
});

/** The same DM once the page has ended: no buttons, and why. */
export const closedPageMessage = (incident: Incident, outcome: string): { text: string; blocks: KnownBlock[] } => ({
  text: `${incidentKey(incident)}: ${outcome}`,
  blocks: [section(`${summaryLine(incident)}\n${escape(incident.title)}`), context(`:white_check_mark: ${clip(outcome, 300)}`)],
});

export const updateReminderMessage = (incident: Incident, overdueForMs: number): { text: string; blocks: KnownBlock[] } => ({
  text: `Status update due for ${incidentKey(incident)}`,
  blocks: [
    section(`:alarm_clock: *Status update due* for ${summaryLine(incident)}\nThe last update was ${formatDuration(overdueForMs)} ago; people are waiting to hear where things stand.`),
    {
      type: 'actions',
      block_id: blockIds.reminderActions,
      elements: [
        { type: 'button', text: plain('Post update'), action_id: actionIds.reminderPostUpdate, value: incident.id, style: 'primary' },
        {
          type: 'overflow',
          action_id: actionIds.snoozeReminder,
          options: [15, 30, 60].map((minutes) => ({ text: plain(`Snooze ${minutes} min`), value: `${incident.id}:${minutes}` })),
        },
      ],
    },
  ],
});
