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

/** Channel creation answers `name_taken` as a value: the use case picks the next name. */
export type CreateChannelResult = { id: string; name: string } | 'name_taken';

/**
 * Everything the use cases ask of Slack, in their own words. The Slack layer renders the blocks.
 */
export interface Notifier {
  createChannel(name: string, isPrivate: boolean): Promise<CreateChannelResult>;
  inviteUsers(channelId: string, userIds: string[]): Promise<void>;
  /** Posts the incident card in its channel; returns the card's ts. */
  postCard(incident: Incident): Promise<string>;
  pin(channelId: string, ts: string): Promise<void>;
  /** The channel of that name if this bot created it since `createdSince` (a creation whose answer was lost). */
  findOwnChannel(name: string, createdSince: number): Promise<{ id: string; name: string } | null>;
  /** Posts the announcement with a Join button; returns its ts. */
  postAnnouncement(channelId: string, incident: Incident): Promise<string>;
  setTopic(incident: Incident): Promise<void>;
  /** Brings card, topic and announcement in line with the incident. */
  refresh(incident: Incident): Promise<void>;
  /** A short line in the incident channel recording what just happened; returns its ts. */
  postToChannel(channelId: string, text: string): Promise<string>;
  sendRoleChecklist(userId: string, incident: Incident, role: Role): Promise<void>;
  permalink(channelId: string, ts: string): string;
  /** DMs a page with Acknowledge and Escalate-now buttons; returns where it landed. */
  sendPage(userId: string, incident: Incident, page: PageDetails): Promise<{ channelId: string; ts: string }>;
  /** Replaces a page DM's buttons with who acknowledged it (or why it ended). */
  closePage(notification: { channelId: string; ts: string }, incident: Incident, outcome: string): Promise<void>;
  userGroupMembers(usergroupId: string): Promise<string[]>;
  /** DMs a status-update reminder with Post update and Snooze buttons. */
  sendUpdateReminder(userId: string, incident: Incident, overdueForMs: number): Promise<void>;
  /** One update, in the words of one audience; returns the ts of the posted message. */
  sendUpdate(audience: Audience, channelId: string, incident: Incident, update: UpdateView): Promise<string>;
  sendExecutiveSummary(channelId: string, incident: Incident, summary: ExecutiveSummary): Promise<void>;
  sendDigest(channelId: string, digest: Digest): Promise<void>;
  sendMaintenanceNotice(channelId: string, maintenance: Maintenance, phase: MaintenancePhase, serviceNames: string[]): Promise<void>;
  /** Uploads a file into a channel with Slack's external upload flow; returns the file id. */
  uploadFile(channelId: string, file: { filename: string; title: string; content: string; comment: string }): Promise<string>;
  /** Creates a canvas; null when the workspace does not allow canvases (the caller falls back). */
  createCanvas(channelId: string, title: string, markdown: string): Promise<string | null>;
  /** A message only `userId` sees, in the channel (or by DM when that fails). */
  tellPrivately(channelId: string, userId: string, text: string): Promise<void>;
  /** Posts blocks the Slack layer builds for a use case's result (postmortem notice, similar incidents…). */
  postPostmortemNotice(channelId: string, notice: PostmortemNotice): Promise<void>;
  postSimilarIncidents(channelId: string, similar: SimilarIncident[]): Promise<void>;
  sendFollowUpReminder(userId: string, followUp: FollowUp, incident: Incident): Promise<void>;
  /** Posts an alert group's message in a team's alerts channel; returns its ts. */
  postAlertGroup(channelId: string, view: AlertGroupView): Promise<string>;
  /** Edits the group's message in place: joins and resolves never post anew. */
  updateAlertGroup(channelId: string, ts: string, view: AlertGroupView): Promise<void>;
  /** DMs a page about a critical alert; returns where it landed. */
  sendAlertPage(userId: string, page: AlertPageView): Promise<{ channelId: string; ts: string }>;
}
