import type { KnownBlock } from '@slack/types';
import type { Audience, UpdateView } from '../../app/communication/ports.js';
import type { OutboundMessage } from '../../app/outbound.js';
import type { Incident } from '../../domain/incident/incident.js';
import { alertGroupMessage, alertPageMessage } from './alert-group.js';
import { digestMessage, engineerUpdate, executiveLine, executiveSummary, maintenanceNotice, stakeholderUpdate } from './communications.js';
import { incidentAnnouncement, incidentCard, incidentFallbackText } from './incident-card.js';
import { roleChecklistMessage } from './messages.js';
import { closedPageMessage, pageMessage, updateReminderMessage } from './page.js';
import { followUpReminder, postmortemNotice, similarIncidents } from './postmortem.js';

/** A message ready for chat.postMessage or chat.update: the notification text, and blocks when it has them. */
export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

/** What rendering reads besides the message: the time now (durations, "overdue by"), the services' names as configured. */
export interface RenderContext {
  now: number;
  serviceNames(incident: Incident): string[];
}

const renderUpdate = (audience: Audience, incident: Incident, view: UpdateView, now: number): SlackMessage => {
  switch (audience) {
    case 'engineers':
      return engineerUpdate(incident, view);
    case 'stakeholders':
      return stakeholderUpdate(incident, view);
    case 'executives':
      return executiveLine(incident, view, now);
  }
};

/**
 * Every outbound message kind, rendered. The switch is exhaustive: a kind added to OutboundMessage
 * without a case here fails `tsc` at the `never` below.
 */
export const renderMessage = (message: OutboundMessage, { now, serviceNames }: RenderContext): SlackMessage => {
  switch (message.kind) {
    case 'incident_card':
      return { text: incidentFallbackText(message.incident), blocks: incidentCard(message.incident, now, serviceNames(message.incident), message.slos) };
    case 'incident_announcement':
      return { text: `:rotating_light: ${incidentFallbackText(message.incident)}`, blocks: incidentAnnouncement(message.incident, now) };
    case 'line':
      return { text: message.text };
    case 'role_checklist':
      return roleChecklistMessage(message.incident, message.role);
    case 'page':
      return pageMessage(message.incident, message.page);
    case 'page_closed':
      return closedPageMessage(message.incident, message.outcome);
    case 'update_reminder':
      return updateReminderMessage(message.incident, message.overdueForMs);
    case 'update':
      return renderUpdate(message.audience, message.incident, message.view, now);
    case 'executive_summary':
      return executiveSummary(message.incident, message.summary, now);
    case 'digest':
      return digestMessage(message.digest, now);
    case 'maintenance_notice':
      return maintenanceNotice(message.maintenance, message.phase, message.serviceNames);
    case 'postmortem_notice':
      return postmortemNotice(message.notice);
    case 'similar_incidents':
      return similarIncidents(message.similar);
    case 'follow_up_reminder':
      return followUpReminder(message.followUp, message.incident);
    case 'alert_group':
      return alertGroupMessage(message.view);
    case 'alert_page':
      return alertPageMessage(message.page);
    default:
      return unrendered(message);
  }
};

const unrendered = (message: never): never => {
  throw new Error(`no renderer for outbound message ${(message as { kind: string }).kind}`);
};
