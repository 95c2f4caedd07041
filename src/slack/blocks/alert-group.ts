import type { KnownBlock } from '@slack/types';
import type { AlertGroupView, AlertPageView } from '../../app/alerts/alert-ports.js';
import { alertSummary, runbookOf, type StoredAlert } from '../../domain/alerts/alert.js';
import { actionIds, blockIds } from '../ids.js';
import { clip, context, escape, plain, section, slackDate } from './text.js';

/** Links from senders are shown only when they are plain http(s) URLs; anything else is text. */
export const senderLink = (url: string | null, label: string): string | null => {
  if (!url) return null;
  return /^https?:\/\/[^\s<>|]+$/.test(url) ? `<${url}|${escape(label)}>` : escape(clip(url, 200));
};

/** One alert of the group: where, what (its name too when it is not the group's, as on a critical's card), how often. */
const alertLine = (alert: StoredAlert, groupAlertname: string | undefined): string => {
  const where = alert.labels.instance ?? alert.labels.pod ?? alert.labels.node ?? alert.labels.host ?? alert.fingerprint;
  const mark = alert.status !== 'firing' ? ':white_check_mark:' : alert.disposition === 'silenced' ? ':no_bell:' : ':red_circle:';
  const repeats = alert.receivedCount > 1 ? ` ×${alert.receivedCount}` : '';
  const summary = alertSummary(alert);
  const name = alert.alertname !== groupAlertname && !summary.includes(alert.alertname) ? ` · ${escape(clip(alert.alertname, 80))}` : '';
  return `${mark} ${escape(clip(where, 80))}${name}: ${escape(clip(summary, 160))}${repeats}`;
};

const kindHeading = (view: AlertGroupView): string => {
  const { group } = view;
  const subject = `${view.serviceName ?? group.service ?? 'no service'} · ${group.alertname ?? view.lead?.alertname ?? ''}`;
  if (group.kind === 'flapping') return `:repeat: Flapping alerts${group.team ? ` of ${group.team}` : ''}: held until they settle`;
  if (group.kind === 'critical') return `:rotating_light: ${escape(subject)}`;
  return `:warning: ${escape(subject)}`;
};

const statusLine = (view: AlertGroupView): string => {
  const { group } = view;
  const silenced = view.silenced > 0 ? ` (${view.silenced} silenced)` : '';
  const state = group.status === 'resolved' ? `:white_check_mark: Resolved ${group.resolvedAt ? slackDate(group.resolvedAt) : ''}` : `*${view.firing} firing*${silenced}`;
  const ack = group.acknowledgedBy ? ` · acknowledged by <@${group.acknowledgedBy}>` : '';
  return `${state}${view.resolved > 0 && group.status === 'open' ? ` · ${view.resolved} resolved` : ''} · ${view.received} received since ${slackDate(group.openedAt)}${ack}`;
};

const leadDetails = (view: AlertGroupView): KnownBlock[] => {
  const lead = view.lead;
  if (!lead || view.group.kind !== 'critical') return [];
  const links = [senderLink(runbookOf(lead), 'Runbook'), senderLink(lead.generatorUrl, 'Source')].filter(Boolean).join(' · ');
  return [
    section(`*${escape(clip(alertSummary(lead), 500))}*${lead.annotations.description ? `\n${escape(clip(lead.annotations.description, 1500))}` : ''}`),
    ...(links ? [context(links)] : []),
  ];
};

/** Where the work on it happens now, and whether a silence holds its page. */
const followUpLines = (view: AlertGroupView): KnownBlock[] => {
  const { incident } = view;
  const lines = [
    ...(incident ? [`:rotating_light: Declared as *${incident.key}*${incident.channelId ? `: <#${incident.channelId}>` : ' (its channel is being created)'}; what joins this alert goes on its timeline.`] : []),
    ...(view.pageHeldUntil !== null && view.group.status === 'open'
      ? [`:no_bell: Page held by a silence until ${slackDate(view.pageHeldUntil)}; still firing then, it pages again.`]
      : []),
  ];
  return lines.length > 0 ? [section(lines.join('\n'))] : [];
};

const silenceButton = (view: AlertGroupView) => ({ type: 'button' as const, text: plain('Silence…'), action_id: actionIds.silenceAlert, value: view.group.id });

const groupActions = (view: AlertGroupView): KnownBlock[] =>
  view.group.kind === 'warning' && view.group.status === 'open'
    ? [{ type: 'actions', block_id: blockIds.alertGroupActions, elements: [silenceButton(view)] }]
    : view.group.kind === 'critical' && view.group.status === 'open'
    ? [
        {
          type: 'actions',
          block_id: blockIds.alertGroupActions,
          elements: [
            ...(view.group.acknowledgedBy ? [] : [{ type: 'button' as const, text: plain('Acknowledge'), action_id: actionIds.acknowledgeAlert, value: view.group.id, style: 'primary' as const }]),
            ...(view.group.incidentId ? [] : [{ type: 'button' as const, text: plain('Declare incident'), action_id: actionIds.declareFromAlert, value: view.group.id }]),
            silenceButton(view),
          ],
        },
      ]
    : [];

/** One group's message: the heading, how many fire, a few of its alerts, and what to do. */
export const alertGroupMessage = (view: AlertGroupView): { text: string; blocks: KnownBlock[] } => {
  const shown = view.alerts;
  const more = view.firing + view.resolved - shown.length;
  const heading = kindHeading(view);
  return {
    text: clip(`${heading.replace(/^:[a-z_]+: /, '')}: ${view.firing} firing`, 300),
    blocks: [
      section(heading),
      ...leadDetails(view),
      section(statusLine(view)),
      ...followUpLines(view),
      ...(shown.length > 0 ? [section(shown.map((alert) => alertLine(alert, view.group.alertname ?? view.lead?.alertname)).join('\n') + (more > 0 ? `\n…and ${more} more` : ''))] : []),
      ...groupActions(view),
    ].filter((block) => block.type !== 'actions' || ('elements' in block && block.elements.length > 0)),
  };
};

/** The page DM for a critical alert: the subject people match on, the alert's words and links. */
export const alertPageMessage = (page: AlertPageView): { text: string; blocks: KnownBlock[] } => {
  const links = [senderLink(page.runbook, 'Runbook'), senderLink(page.generatorUrl, 'Source')].filter(Boolean).join(' · ');
  return {
    text: clip(`:pager: You are paged: ${page.subject}: ${page.summary}`, 300),
    blocks: [
      { type: 'header', text: plain(`Paged: ${page.subject}`, 150) },
      section(`*${escape(clip(page.summary, 500))}*${page.description ? `\n${escape(clip(page.description, 1500))}` : ''}`),
      ...(links ? [context(links)] : []),
      ...(page.groupId
        ? [
            {
              type: 'actions' as const,
              block_id: blockIds.alertPageActions,
              elements: [{ type: 'button' as const, text: plain('Acknowledge'), action_id: actionIds.acknowledgeAlert, value: page.groupId, style: 'primary' as const }],
            },
          ]
        : []),
    ],
  };
};
