import { sloStatusBlock } from './slo-report.js';
import type { SloStatus } from '../../domain/slo/error-budget.js';
import type { ConfirmationDialog, KnownBlock } from '@slack/types';
import { formatDuration, incidentDuration, incidentKey, type Incident } from '../../domain/incident/incident.js';
import { roleLabels, roles } from '../../domain/incident/roles.js';
import { severityEmoji } from '../../domain/incident/severity.js';
import { isFinished, statusLabels } from '../../domain/incident/status.js';
import { actionIds, blockIds } from '../ids.js';
import { clip, context, escape, mention, plain, section, slackDate } from './text.js';

/** Drills are marked on every surface so nobody mistakes practice for the real thing. */
export const drillMark = (incident: Pick<Incident, 'isDrill'>): string => (incident.isDrill ? 'DRILL · ' : '');

export const incidentHeadline = (incident: Incident): string =>
  `${severityEmoji[incident.severity]} ${drillMark(incident)}${incidentKey(incident)} · ${incident.severity} · ${incident.title}`;

/** The one-line topic: severity · status · commander, within Slack's 250-character topic limit. */
export const incidentTopic = (incident: Incident, commanderName?: string): string =>
  clip(
    `${drillMark(incident)}${incident.severity} · ${statusLabels[incident.status]} · IC: ${commanderName ?? (incident.roles.commander ? `<@${incident.roles.commander}>` : 'unassigned')} · ${escape(incident.title)}`,
    250,
  );

/**
 * The card is updated on every change, not every minute: while the incident is open its duration is
 * stated with the time it was measured, so it is never silently stale.
 */
const durationText = (incident: Incident, now: number): string => {
  const duration = formatDuration(incidentDuration(incident, now));
  return incident.resolvedAt !== null || incident.closedAt !== null ? duration : `${duration} as of ${slackDate(now, '{time}')}`;
};

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger', confirm?: ConfirmationDialog) => ({
  type: 'button' as const,
  text: plain(text),
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
  ...(confirm ? { confirm } : {}),
});

/** Resolving ends the pages and tells every audience, so one stray click must not do it. */
const confirmResolve = (incident: Incident): ConfirmationDialog => ({
  title: plain(`Resolve ${incidentKey(incident)}?`, 100),
  text: plain('Paging stops and everyone following the incident is told it is resolved. You can reopen it later.', 300),
  confirm: plain('Resolve', 30),
  deny: plain('Not yet', 30),
  style: 'danger',
});

const stateFields = (incident: Incident, now: number, serviceNames: readonly string[]): KnownBlock => ({
  type: 'section',
  fields: [
    { type: 'mrkdwn', text: `*Severity*\n${severityEmoji[incident.severity]} ${incident.severity}` },
    { type: 'mrkdwn', text: `*Status*\n${statusLabels[incident.status]}` },
    { type: 'mrkdwn', text: `*Declared*\n${slackDate(incident.declaredAt)}` },
    { type: 'mrkdwn', text: `*Duration*\n${durationText(incident, now)}` },
    ...(serviceNames.length > 0
      ? [{ type: 'mrkdwn' as const, text: `*Services*\n${clip(escape(serviceNames.join(', ')), 1900)}` }]
      : []),
  ],
});

const rolesSection = (incident: Incident): KnownBlock => ({
  type: 'section',
  fields: roles.map((role) => ({ type: 'mrkdwn' as const, text: `*${roleLabels[role]}*\n${mention(incident.roles[role])}` })),
});

const latestUpdate = (incident: Incident): KnownBlock =>
  incident.latestUpdate
    ? section(`*Latest update* (${slackDate(incident.latestUpdate.at)}, ${mention(incident.latestUpdate.by)})\n${escape(incident.latestUpdate.text)}`)
    : section('*Latest update*\n_No update yet. Use *Post update* to tell everyone where things stand._');

/**
 * The pinned card in the incident channel: the state of things at a glance, and the buttons to change it.
 * `serviceNames` are the affected services as people know them (configured names, not ids).
 */
export const incidentCard = (incident: Incident, now: number, serviceNames: readonly string[], slos: readonly SloStatus[] = []): KnownBlock[] => {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(`${drillMark(incident)}${incidentKey(incident)}: ${incident.title}`, 150) },
    ...(incident.isDrill ? [context(':construction: *This is a drill.* Timers run faster; nothing reaches stakeholders, executives, the status page or metrics.')] : []),
    stateFields(incident, now, serviceNames),
    rolesSection(incident),
  ];
  if (incident.summary) blocks.push(section(`*Summary*\n${escape(incident.summary)}`));
  if (incident.impact) blocks.push(section(`*Customer impact*\n${escape(incident.impact)}`));
  blocks.push(latestUpdate(incident));
  if (slos.length > 0) blocks.push(sloStatusBlock(slos));
  if (!isFinished(incident.status)) {
    const value = incident.id;
    blocks.push({
      type: 'actions',
      block_id: blockIds.cardActions,
      elements: [
        button('Update status', actionIds.updateStatus, value),
        button('Change severity', actionIds.changeSeverity, value),
        button('Assign role', actionIds.assignRole, value),
        button('Post update', actionIds.postUpdate, value, 'primary'),
        button('Page', actionIds.page, value),
        ...(incident.status === 'resolved' ? [] : [button('Resolve', actionIds.resolve, value, 'danger', confirmResolve(incident))]),
      ],
    });
  }
  blocks.push(context(`Reported by ${mention(incident.reporterId)} · ${incident.isPrivate ? ':lock: private' : 'public'} · updated ${slackDate(incident.updatedAt)}`));
  return blocks;
};

/** The announcement in the announcements channel, kept current with chat.update. */
export const incidentAnnouncement = (incident: Incident, now: number): KnownBlock[] => {
  const blocks: KnownBlock[] = [
    section(
      `*${escape(incidentHeadline(incident))}*\n${statusLabels[incident.status]} · IC ${mention(incident.roles.commander)} · ${durationText(incident, now)}` +
        (incident.channelId ? ` · <#${incident.channelId}>` : ''),
    ),
  ];
  if (incident.summary) blocks.push(context(escape(clip(incident.summary, 300))));
  if (!isFinished(incident.status) && incident.channelId) {
    blocks.push({
      type: 'actions',
      block_id: blockIds.announcementActions,
      elements: [button('Join incident channel', actionIds.join, incident.id, 'primary')],
    });
  }
  return blocks;
};

export const incidentFallbackText = (incident: Incident): string =>
  `${escape(incidentHeadline(incident))} (${statusLabels[incident.status]})`;
