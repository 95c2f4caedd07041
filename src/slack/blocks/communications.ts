import { sloBudgetsBlock } from './slo-report.js';
import type { KnownBlock } from '@slack/types';
import type { ExecutiveSummary, MaintenancePhase, UpdateView } from '../../app/communication/ports.js';
import type { Digest } from '../../domain/communication/digest.js';
import { noiseDigestBlocks } from './alert-noise.js';
import type { Maintenance } from '../../domain/communication/types.js';
import { formatDuration, incidentDuration, incidentKey, type Incident } from '../../domain/incident/incident.js';
import { severities, severityEmoji } from '../../domain/incident/severity.js';
import { statusLabels } from '../../domain/incident/status.js';
import { clip, context, escape, mention, plain, section, slackDate } from './text.js';
import { actionIds } from '../ids.js';

export interface Rendered {
  text: string;
  blocks: KnownBlock[];
}

/** Service names may be free text typed in the declare form. */
const servicesText = (names: string[]) => escape(names.length > 0 ? names.join(', ') : 'our services');
const nextUpdate = (at: number | null) => (at ? slackDate(at, '{time}') : 'when there is news');
const changesLine = (view: UpdateView) => {
  const since = view.first ? 'Since the incident was declared' : 'Since the last update';
  if (view.changes.length > 0) return `${since}: ${view.changes.join('; ')}.`;
  return view.first ? 'First update.' : 'No change in status or severity since the last update.';
};

/** The engineers' version in the incident channel: everything, with what changed. */
export const engineerUpdate = (incident: Incident, view: UpdateView): Rendered => {
  const { update } = view;
  const fields = [
    update.whatChanged && `*What changed*\n${escape(update.whatChanged)}`,
    update.impact && `*Current impact*\n${escape(update.impact)}`,
    update.nextSteps && `*Next steps*\n${escape(update.nextSteps)}`,
  ].filter((field): field is string => Boolean(field));
  return {
    text: `Update on ${incidentKey(incident)}: ${escape(update.whatChanged)}`,
    blocks: [
      section(`:loudspeaker: *Update* from ${mention(update.postedBy)} · ${incident.severity} · *${statusLabels[update.status]}*\n_${changesLine(view)}_`),
      ...fields.map((field) => section(clip(field, 3000))),
      ...(update.customerMessage ? [context(`:globe_with_meridians: Public status page: ${escape(clip(update.customerMessage, 2800))}`)] : []),
      context(`Next update ${nextUpdate(update.nextUpdateAt)}`),
    ],
  };
};

/** Stakeholders (support, account managers): plain language, impact first, no internal detail. */
export const stakeholderUpdate = (incident: Incident, view: UpdateView): Rendered => {
  const { update } = view;
  const link = incident.channelId ? ` · <#${incident.channelId}>` : '';
  return {
    text: `${incidentKey(incident)} ${statusLabels[update.status]}: ${servicesText(view.serviceNames)}`,
    blocks: [
      section(
        `${severityEmoji[incident.severity]} *${incidentKey(incident)} · ${servicesText(view.serviceNames)}* is *${statusLabels[update.status].toLowerCase()}*${link}\n` +
          `*Impact:* ${escape(clip(update.impact || incident.impact || 'being assessed', 1200))}\n` +
          `*Latest:* ${escape(clip(update.whatChanged, 1200))}`,
      ),
      context(`${changesLine(view)} Next update ${nextUpdate(update.nextUpdateAt)}. Commander ${mention(incident.roles.commander)}.`),
    ],
  };
};

/** One line an executive reads in twenty seconds: impact, status, duration, commander, next update. */
export const executiveLine = (incident: Incident, view: UpdateView, now: number): Rendered => {
  const { update } = view;
  const line =
    `${severityEmoji[incident.severity]} *${incident.severity} ${servicesText(view.serviceNames)}*: ${escape(clip(update.impact || incident.impact || 'impact being assessed', 300))} · ` +
    `${statusLabels[update.status]} · ${formatDuration(incidentDuration(incident, now))} · IC ${mention(incident.roles.commander)} · next update ${nextUpdate(update.nextUpdateAt)}`;
  return { text: `${incident.severity} ${servicesText(view.serviceNames)}: ${statusLabels[update.status]}`, blocks: [section(line)] };
};

const summaryHeadline: Record<ExecutiveSummary['reason'], string> = {
  declared: 'New incident',
  severity_changed: 'Severity changed',
  resolved: 'Resolved',
};

/** Posted on declare, severity change and resolve; written for someone who is not an engineer. */
export const executiveSummary = (incident: Incident, summary: ExecutiveSummary, now: number): Rendered => {
  const what = summary.reason === 'severity_changed' && summary.previousSeverity ? ` (${summary.previousSeverity} → ${incident.severity})` : '';
  const duration = formatDuration(incidentDuration(incident, now));
  const status =
    summary.reason === 'resolved'
      ? `Resolved after ${duration}.`
      : `${statusLabels[incident.status]} for ${duration}; next update ${nextUpdate(summary.nextUpdateAt)}.`;
  return {
    text: `${summaryHeadline[summary.reason]}: ${incident.severity} ${servicesText(summary.serviceNames)}`,
    blocks: [
      section(
        `${severityEmoji[incident.severity]} *${summaryHeadline[summary.reason]}${what}: ${incident.severity} affecting ${servicesText(summary.serviceNames)}*\n` +
          `*Customer impact:* ${escape(clip(incident.impact || 'being assessed', 1000))}\n${status} Led by ${mention(incident.roles.commander)}.`,
      ),
      context(`${incidentKey(incident)}${incident.channelId ? ` · <#${incident.channelId}>` : ''}`),
    ],
  };
};

const durationStats = (label: string, value: Digest['timeToAcknowledge']) =>
  value ? `*${label}:* median ${formatDuration(value.median)}, worst ${formatDuration(value.worst)} (${value.count})` : `*${label}:* none in this period`;

/** The scheduled digest: the state of reliability at a glance. */
export const digestMessage = (digest: Digest, now: number): Rendered => {
  const openLines = digest.open
    .slice(0, 15)
    .map((incident) => `• ${severityEmoji[incident.severity]} ${incident.severity} ${escape(clip(incident.title, 120))}: ${statusLabels[incident.status]}, open ${formatDuration(incidentDuration(incident, now))}`);
  const counts = severities.filter((severity) => digest.bySeverity[severity] > 0).map((severity) => `${severity} ${digest.bySeverity[severity]}`);
  const topServices = digest.byService.slice(0, 8).map(([name, count]) => `${escape(name)} ${count}`);
  return {
    text: `Incident digest: ${digest.open.length} open, ${digest.resolved.length} resolved`,
    blocks: [
      { type: 'header', text: plain('Incident digest', 150) },
      context(`${slackDate(digest.periodStart)} – ${slackDate(digest.periodEnd)}`),
      section(
        digest.open.length === 0
          ? ':large_green_circle: *No open incidents.*'
          : `*${digest.open.length} open incident${digest.open.length === 1 ? '' : 's'}*\n${openLines.join('\n')}${digest.open.length > 15 ? `\n…and ${digest.open.length - 15} more` : ''}`,
      ),
      section(
        [
          `*Resolved since the last digest:* ${digest.resolved.length}`,
          durationStats('Time to acknowledge', digest.timeToAcknowledge),
          durationStats('Time to resolve', digest.timeToResolve),
          `*By severity:* ${counts.length > 0 ? counts.join(', ') : 'none'}`,
          `*By service:* ${topServices.length > 0 ? topServices.join(', ') : 'none'}`,
          ...(digest.overdueFollowUps === null ? [] : [`*Overdue follow-ups:* ${digest.overdueFollowUps}`]),
        ].join('\n'),
      ),
      ...(digest.alertNoise ? noiseDigestBlocks(digest.alertNoise) : []),
      ...(digest.sloBudgets ? [sloBudgetsBlock(digest.sloBudgets)] : []),
    ],
  };
};

const phaseText: Record<MaintenancePhase, [emoji: string, label: string]> = {
  scheduled: [':calendar:', 'Maintenance scheduled'],
  started: [':construction:', 'Maintenance starting now'],
  completed: [':white_check_mark:', 'Maintenance completed'],
  cancelled: [':no_entry_sign:', 'Maintenance cancelled'],
};

export const maintenanceNotice = (maintenance: Maintenance, phase: MaintenancePhase, serviceNames: string[]): Rendered => ({
  text: `${phaseText[phase][1]}: ${escape(maintenance.title)}`,
  blocks: [
    section(
      `${phaseText[phase][0]} *${phaseText[phase][1]}: ${escape(clip(maintenance.title, 200))}*\n${servicesText(serviceNames)} · ${slackDate(maintenance.startsAt)} – ${slackDate(maintenance.endsAt)}\n${escape(clip(maintenance.message, 2000))}`,
    ),
  ],
});

/** `/incident maintenance list`: upcoming windows, each with a Cancel button. */
export const maintenanceList = (windows: Maintenance[], serviceName: (id: string) => string): Rendered => ({
  text: `${windows.length} maintenance windows`,
  blocks:
    windows.length === 0
      ? [section('No maintenance scheduled. `/incident maintenance` schedules one.')]
      : windows.slice(0, 40).map(
          (window): KnownBlock => ({
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: clip(`*${escape(window.title)}* · ${escape(window.services.map(serviceName).join(', '))}\n${slackDate(window.startsAt)} – ${slackDate(window.endsAt)}`, 3000),
            },
            accessory: { type: 'button', text: plain('Cancel'), action_id: actionIds.cancelMaintenance, value: window.id, style: 'danger' },
          }),
        ),
});
