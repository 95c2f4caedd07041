import type { HomeView, KnownBlock } from '@slack/types';
import type { OpenIncidents } from '../../app/incident/list-open-incidents.js';
import type { TeamNoise } from '../../app/alerts/alert-noise.js';
import { noiseHomeBlocks } from './alert-noise.js';
import { sloBudgetsBlock } from './slo-report.js';
import type { SloBudgetLine } from '../../domain/slo/error-budget.js';
import { formatDuration, incidentDuration, type Incident } from '../../domain/incident/incident.js';
import { statusLabels } from '../../domain/incident/status.js';
import { actionIds, blockIds } from '../ids.js';
import { incidentHeadline } from './incident-card.js';
import { clip, context, escape, mention, plain, section, slackDate } from './text.js';

/** A Home tab holds at most 100 blocks; beyond this many incidents the list says how many are left out. */
export const maxHomeIncidents = 40;

export const incidentLine = (incident: Incident, now: number): string =>
  `*${escape(incidentHeadline(incident))}*\n${statusLabels[incident.status]} · IC ${mention(incident.roles.commander)} · ` +
  `${incident.resolvedAt === null ? 'open' : 'lasted'} ${formatDuration(incidentDuration(incident, now))}` +
  (incident.channelId ? ` · <#${incident.channelId}>` : incident.setupError ? ` · :x: no channel: it could not be created (\`${escape(incident.setupError)}\`)` : ' · :hourglass_flowing_sand: channel on its way');

/** An incident's line, with a Retry button when its channel could not be created: never a ghost. */
const incidentBlock = (incident: Incident, now: number): KnownBlock =>
  incident.setupError && !incident.channelId
    ? {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(incidentLine(incident, now), 3000) },
        accessory: { type: 'button', text: { type: 'plain_text', text: 'Retry channel' }, action_id: actionIds.retryChannel, value: incident.id },
      }
    : section(incidentLine(incident, now));

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The open incidents, then the resolved ones under their own heading, at most `max` lines in all
 * (the rest counted, with `more` saying where to find them).
 */
export const incidentSections = (open: OpenIncidents, now: number, max: number, more = ''): KnownBlock[] => {
  const active = open.active.slice(0, max);
  const resolved = open.resolved.slice(0, max - active.length);
  const blocks: KnownBlock[] = [
    section(open.activeTotal === 0 ? ':large_green_circle: *No open incidents.*' : `*${plural(open.activeTotal, 'open incident')}*`),
    ...active.map((incident) => incidentBlock(incident, now)),
  ];
  if (open.resolvedTotal > 0) {
    blocks.push(section(`*${open.resolvedTotal} resolved, not yet closed*`), ...resolved.map((incident) => incidentBlock(incident, now)));
  }
  const left = open.activeTotal + open.resolvedTotal - active.length - resolved.length;
  if (left > 0) blocks.push(context(`${left} more not shown${more}.`));
  return blocks;
};

/** The fallback text of a list: what a notification or screen reader says. */
export const incidentCounts = (open: OpenIncidents): string =>
  `${open.activeTotal === 0 ? 'No open incidents' : plural(open.activeTotal, 'open incident')}` +
  (open.resolvedTotal > 0 ? `, ${open.resolvedTotal} resolved` : '');

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

/**
 * `noise`: the viewer's teams' alert noise, shown under the incidents; null when alerts are not set
 * up. `budgets`: every SLO's error budget left, last; null when none is configured, 'reading' while
 * Prometheus is being asked.
 */
export const homeView = (
  open: OpenIncidents,
  now: number,
  nextShift?: NextShift | null,
  noise: TeamNoise[] | null = null,
  budgets: SloBudgetLine[] | 'reading' | null = null,
): HomeView => {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Incidents', 150) },
    ...(nextShift === null ? [] : [context(onCallLine(nextShift, now))]),
    {
      type: 'actions',
      block_id: blockIds.homeActions,
      elements: [{ type: 'button', text: plain('Declare incident'), action_id: actionIds.declare, style: 'danger', value: 'home' }],
    },
    { type: 'divider' },
    ...incidentSections(open, now, maxHomeIncidents, '; use `/incident list`'),
    ...(noise ? noiseHomeBlocks(noise) : []),
    ...(budgets === 'reading' ? [section('*Error budgets*\n:hourglass_flowing_sand: reading them from Prometheus…')] : budgets ? [sloBudgetsBlock(budgets)] : []),
  ];
  return { type: 'home', blocks };
};
