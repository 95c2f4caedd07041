import type { SloStatus } from '../domain/slo/error-budget.js';
import type { Incident } from '../domain/incident/incident.js';
import type { Role } from '../domain/incident/roles.js';
import type { Digest } from '../domain/communication/digest.js';
import type { Maintenance } from '../domain/communication/types.js';
import type { FollowUp } from '../domain/postmortem/types.js';
import type { AlertGroupView, AlertPageView } from './alerts/alert-ports.js';
import type { Audience, ExecutiveSummary, MaintenancePhase, UpdateView } from './communication/ports.js';
import type { SimilarIncident } from './incident/ports.js';
import type { PageDetails } from './paging/ports.js';
import type { PostmortemNotice } from './postmortem/ports.js';
import type { Job } from './ports.js';

/**
 * Every message the bot sends, as data. A use case says what to say (`{ kind: 'page', … }`); the
 * Slack layer renders each kind in one place (slack/blocks/outbound-message.ts, an exhaustive
 * switch), so a new message is one member here and one case there.
 */
export type OutboundMessage =
  /** The pinned card in the incident channel. */
  | { kind: 'incident_card'; incident: Incident; slos?: SloStatus[] }
  /** The announcement with its Join button, in the announcements channel. */
  | { kind: 'incident_announcement'; incident: Incident }
  /** A short plain line (a reminder, a note echoed, a failure report). */
  | { kind: 'line'; text: string }
  | { kind: 'role_checklist'; incident: Incident; role: Role }
  /** A page DM with Acknowledge and Escalate-now buttons. */
  | { kind: 'page'; incident: Incident; page: PageDetails }
  /** A page DM once the page ended: no buttons, and who acknowledged it (or why it ended). */
  | { kind: 'page_closed'; incident: Incident; outcome: string }
  /** A status-update reminder with Post update and Snooze buttons. */
  | { kind: 'update_reminder'; incident: Incident; overdueForMs: number }
  /** One update, in the words of one audience. */
  | { kind: 'update'; audience: Audience; incident: Incident; view: UpdateView }
  | { kind: 'executive_summary'; incident: Incident; summary: ExecutiveSummary }
  | { kind: 'digest'; digest: Digest }
  | { kind: 'maintenance_notice'; maintenance: Maintenance; phase: MaintenancePhase; serviceNames: string[] }
  | { kind: 'postmortem_notice'; notice: PostmortemNotice }
  | { kind: 'similar_incidents'; similar: SimilarIncident[] }
  | { kind: 'follow_up_reminder'; followUp: FollowUp; incident: Incident }
  /** An alert group's message in a team's alerts channel. */
  | { kind: 'alert_group'; view: AlertGroupView }
  /** A page about a critical alert. */
  | { kind: 'alert_page'; page: AlertPageView };

export type OutboundKind = OutboundMessage['kind'];

/** Channel creation answers `name_taken` as a value: the use case picks the next name. */
export type CreateChannelResult = { id: string; name: string } | 'name_taken';

/** Where a message landed: enough to edit it later. */
export interface Posted {
  channelId: string;
  ts: string;
}

/** What makes a message one of a kind: its key, and whether this is not the first try at sending it. */
export interface SendOnce {
  key: string;
  retried: boolean;
}

/**
 * A job's message that must not appear twice: a try before this one may have reached Slack (its
 * answer lost, a timeout, or the process killed mid-call), so the message is looked for first. The
 * key is the job's own unless the message has one of its own (a page, the card).
 */
export const sentOnce = (job: Pick<Job, 'attempts' | 'id'>, key = `job:${job.id}`): SendOnce => ({ key, retried: job.attempts > 1 });

/**
 * Everything the use cases ask of Slack, in their own words. What is said is an OutboundMessage;
 * the methods differ only in how Slack is asked (post, edit, DM, ephemeral, upload, channel admin).
 */
export interface Notifier {
  /** Posts a message in a channel; returns its ts. `once`: as for sendDm, in the channel's history. */
  post(channelId: string, message: OutboundMessage, once?: SendOnce): Promise<string>;
  /** Edits a posted message in place (joins and resolves never post anew). */
  update(at: Posted, message: OutboundMessage): Promise<void>;
  /**
   * A message to one person in the bot's DM with them; returns where it landed. `once`: the message
   * is marked with `key`, and when an earlier try may have reached Slack (`retried`), a DM already
   * marked so is returned instead of a second one: a page is never sent twice.
   */
  sendDm(userId: string, message: OutboundMessage, once?: SendOnce): Promise<Posted>;
  /** A message only `userId` sees, in the channel (or by DM when that fails). */
  tellPrivately(channelId: string, userId: string, text: string): Promise<void>;
  createChannel(name: string, isPrivate: boolean): Promise<CreateChannelResult>;
  /** The channel of that name if this bot created it since `createdSince` (a creation whose answer was lost). */
  findOwnChannel(name: string, createdSince: number): Promise<{ id: string; name: string } | null>;
  inviteUsers(channelId: string, userIds: string[]): Promise<void>;
  pin(channelId: string, ts: string): Promise<void>;
  /** The channel topic in line with the incident (severity, status, commander). */
  setTopic(incident: Incident): Promise<void>;
  permalink(channelId: string, ts: string): string;
  userGroupMembers(usergroupId: string): Promise<string[]>;
  /** Uploads a file into a channel with Slack's external upload flow; returns the file id. */
  uploadFile(channelId: string, file: { filename: string; title: string; content: string; comment: string }): Promise<string>;
  /** Creates a canvas; null when the workspace does not allow canvases (the caller falls back). */
  createCanvas(channelId: string, title: string, markdown: string): Promise<string | null>;
}
