import type { HomeView, KnownBlock } from '@slack/types';
import type { OpenIncidentsPage } from '../../app/list-open-incidents.js';
import { formatDuration, incidentDuration, type Incident } from '../../domain/incident/incident.js';
import { statusLabels } from '../../domain/incident/status.js';
import { actionIds, blockIds } from '../ids.js';
import { incidentHeadline } from './incident-card.js';
import { context, escape, mention, plain, section, slackDate } from './text.js';

/** A Home tab holds at most 100 blocks; beyond this many incidents the list says how many are left out. */
export const maxHomeIncidents = 40;

export const incidentLine = (incident: Incident, now: number): string =>
  `*${escape(incidentHeadline(incident))}*\n${statusLabels[incident.status]} · IC ${mention(incident.roles.commander)} · open ${formatDuration(incidentDuration(incident, now))}` +
  (incident.channelId ? ` · <#${incident.channelId}>` : '');

export interface NextShift {
  scheduleName: string;
  start: number;
  end: number | null;
}

const onCallLine = (shift: NextShift | undefined, now: number): string => {
  if (!shift) return ':calendar: You are not on call in the next 60 days.';
  const until = shift.end ? ` until ${slackDate(shift.end)}` : '';
  return shift.start <= now
    ? `:pager: *You are on call now* for ${escape(shift.scheduleName)}${until}.`
    : `:calendar: You are next on call for ${escape(shift.scheduleName)} from ${slackDate(shift.start)}${until}.`;
};

export const homeView = (open: OpenIncidentsPage, now: number, nextShift?: NextShift | null): HomeView => {
  const shown = open.shown.slice(0, maxHomeIncidents);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Incidents', 150) },
    ...(nextShift === null ? [] : [context(onCallLine(nextShift, now))]),
    {
      type: 'actions',
      block_id: blockIds.homeActions,
      elements: [{ type: 'button', text: plain('Declare incident'), action_id: actionIds.declare, style: 'danger', value: 'home' }],
    },
    { type: 'divider' },
    section(open.total === 0 ? ':large_green_circle: No open incidents.' : `*${open.total} open incident${open.total === 1 ? '' : 's'}*`),
    ...shown.map((incident) => section(incidentLine(incident, now))),
  ];
  if (open.total > shown.length) blocks.push(context(`${open.total - shown.length} more not shown; use \`/incident list\`.`));
  return { type: 'home', blocks };
};
