import type { Incident } from '../domain/incident/incident.js';
import type { Role } from '../domain/incident/roles.js';
import type { Severity } from '../domain/incident/severity.js';
import type { TimelineEntry, TimelineEvent } from '../domain/timeline/event.js';
import type { IncidentConfig } from '../domain/escalation/types.js';
import type { IncidentUpdate, Maintenance } from '../domain/communication/types.js';
import type { PublicIncidentSource } from '../domain/communication/public-incident.js';
import type { Digest } from '../domain/communication/digest.js';
import type { FollowUp } from '../domain/postmortem/types.js';
import type { AlertGroupView, AlertPageView, AlertStore } from './alerts/alert-ports.js';
import type { NoiseStore } from './alerts/noise-ports.js';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export type IdGenerator = () => string;

export interface NewIncident {
  title: string;
  severity: Severity;
  summary: string;
  impact: string;
  services: string[];
  isPrivate: boolean;
  isDrill?: boolean;
  reporterId: string;
  /** Null when the reporter left it empty: the channel is nudged until someone takes command. */
  commanderId: string | null;
}

export interface SlackRefs {
  setupError?: string | null;
  channelId?: string;
  channelName?: string;
  cardTs?: string;
  announcementChannelId?: string;
  announcementTs?: string;
}

export type { RoleTenure } from '../domain/incident/roles.js';
import type { RoleTenure } from '../domain/incident/roles.js';

/** Where a timeline fact came from in Slack; `sourceKey` makes a repeated fact update, not duplicate. */
export interface SlackSource {
  ts: string | null;
  permalink: string | null;
  sourceKey: string | null;
}

export interface IncidentRepository {
  /** Allocates the next INC number and stores the incident with its first events, atomically. */
  create(input: NewIncident, now: number): Incident;
  findById(id: string): Incident | undefined;
  findByNumber(number: number): Incident | undefined;
  findByChannel(channelId: string): Incident | undefined;
  listOpen(): Incident[];
  /**
   * The first `limit` open incidents `viewerId` may see (private ones only to their reporter and
   * role holders), most severe first, then oldest first; and how many there are in all.
   */
  /** Open incidents of one group the viewer may see, sorted and limited in SQL, with the group's full count. */
  listOpenVisible(viewerId: string, limit: number, group: 'active' | 'resolved'): { incidents: Incident[]; total: number };
  /** The incidents with these ids, in no particular order; unknown ids are left out. */
  findByIds(ids: readonly string[]): Incident[];
  /** Incidents declared at or after `since`, or still open, newest first. */
  listSince(since: number): Incident[];
  /**
   * Stores the changed incident, its role history and its events in one transaction. With `before`
   * (the copy the change was decided from) only the fields that differ are written.
   */
  save(incident: Incident, events: TimelineEvent[], before?: Incident): void;
  setSlackRefs(id: string, refs: SlackRefs): Incident;
  roleHistory(id: string): RoleTenure[];
}

export interface TimelineRepository {
  append(incidentId: string, event: TimelineEvent, source?: SlackSource): TimelineEntry;
  /** Inserts, or returns undefined when an entry with the same source key already exists. */
  appendOnce(incidentId: string, event: TimelineEvent, source: SlackSource): TimelineEntry | undefined;
  edit(incidentId: string, sourceKey: string, text: string, at: number): boolean;
  remove(incidentId: string, sourceKey: string, at: number): boolean;
  /** Undoes `remove` for a fact that came back (a message pinned again, a reaction added again). */
  restore(incidentId: string, sourceKey: string, at: number): boolean;
  list(incidentId: string): TimelineEntry[];
  findBySource(incidentId: string, sourceKey: string): TimelineEntry | undefined;
  /** Records the Slack message an entry was posted as (a note is written first, posted after). */
  setSource(entryId: string, source: Pick<SlackSource, 'ts' | 'permalink'>): boolean;
}

export interface IdempotencyRepository {
  /** True the first time a key is claimed, false on every repeat. */
  claim(key: string, now: number): boolean;
  /** Forgets keys claimed before `before`; returns how many. */
  prune(before: number): number;
}

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

export interface PostmortemNotice {
  incident: Incident;
  url: string;
  canvasId: string | null;
  fileId: string;
  openFollowUps: number;
}

export interface SimilarIncident {
  incident: Incident;
  postmortemUrl: string | null;
  /** Why it was found: where the words matched, and the words around them. */
  match?: Pick<SearchHit, 'field' | 'snippet'>;
}

export type Audience = 'engineers' | 'stakeholders' | 'executives';
export type MaintenancePhase = 'scheduled' | 'started' | 'completed' | 'cancelled';

/** An update with what changed since the previous one, ready to render for any audience. */
export interface UpdateView {
  update: IncidentUpdate;
  serviceNames: string[];
  /** e.g. ["status Investigating → Identified", "severity SEV2 → SEV1"], since the previous update or the declaration. */
  changes: string[];
  /** True when this is the first update. */
  first: boolean;
}

export interface ExecutiveSummary {
  reason: 'declared' | 'severity_changed' | 'resolved';
  serviceNames: string[];
  nextUpdateAt: number | null;
  previousSeverity?: Severity;
}

export interface PageDetails {
  escalationId: string;
  /** What the page is about: the service's name, or "you" for a direct page. */
  about: string;
  runbook: string | null;
  levelIndex: number;
  pass: number;
  requestedBy: string;
}

/** A person as Slack describes them (users.info, users.list, the user_change event). */
export interface KnownPerson {
  id: string;
  /** The @handle (`name`) */
  handle: string;
  /** What the person chose to be called, else their real name, else the handle. */
  displayName: string;
  deleted: boolean;
}

/** Who people are: display names for what the bot writes, and `@name` typed as plain text. */
export interface PeopleDirectory {
  /** Display names of these users by id; anyone Slack cannot describe is left out (and shown by id). */
  names(userIds: readonly string[]): Promise<Record<string, string>>;
  /** The user whose handle or display name is `name` (no @, any case), when exactly one has it. */
  findByName(name: string): Promise<string | undefined>;
  /** Takes in what Slack announced (user_change), without asking Slack again. */
  remember(person: KnownPerson): void;
}

export interface UseCaseSettings {
  channelNameTemplate: string;
  announcementsChannel: string | undefined;
  /** The bot's own user: the reporter of what it declares by itself (an alert's incident). */
  botUserId?: string;
}

/** The slice of a structured logger the use cases need; pino's Logger satisfies it. */
export interface Log {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface UseCaseDeps {
  /** Runs `work` in one database transaction: a decision and the jobs it implies are stored together or not at all. */
  atomically<T>(work: () => T): T;
  incidents: IncidentRepository;
  timeline: TimelineRepository;
  idempotency: IdempotencyRepository;
  notifier: Notifier;
  clock: Clock;
  settings: UseCaseSettings;
  log: Log;
  jobs: JobRepository;
  escalations: EscalationRepository;
  /** The configuration in force now; a reload (SIGHUP) swaps it. */
  config: () => IncidentConfig;
  updates: UpdateRepository;
  maintenances: MaintenanceRepository;
  followUps: FollowUpRepository;
  postmortems: PostmortemRepository;
  search: SearchRepository;
  people: PeopleDirectory;
  /** The bot's public base URL (no trailing slash), for links to the postmortem drafts it serves. */
  publicUrl: () => string;
  alerts: AlertStore;
  /** The alert noise accounting: counts per source, service and alert name, and who was paged. */
  noise: NoiseStore;
}

export const jobKinds = [
  // Timers
  'escalate',
  'commander_missing',
  'update_due',
  'update_overdue',
  'postmortem_due',
  'digest',
  'maintenance_start',
  'maintenance_end',
  'follow_up_due',
  'alert_group_sync',
  'alert_page',
  'alert_escalate',
  'alert_expiry',
  'alert_heartbeat',
  'alert_hold_summary',
  'alert_silence_end',
  // Effects: what a committed change still has to do in Slack (app/effects/)
  'send_page',
  'close_page_dms',
  'create_channel',
  'set_topic',
  'invite',
  'post_card',
  'pin_card',
  'post_announcement',
  'send_checklist',
  'invite_experts',
  'refresh_incident',
  'post_line',
  'post_note',
  'maintenance_notice',
  'tell_privately',
  'send_update',
  'executive_summary',
  'draft_postmortem',
  'similar_incidents',
  'report_failure',
  'housekeeping',
] as const;
export type JobKind = (typeof jobKinds)[number];

/** Lower runs first: under load or rate limits, pages go before what people wait on, then cosmetics. */
export const jobPriority = { page: 0, urgent: 1, cosmetic: 2, background: 3 } as const;

export interface Job {
  id: string;
  kind: JobKind;
  key: string | null;
  incidentId: string | null;
  dueAt: number;
  payload: Record<string, unknown>;
  attempts: number;
  priority: number;
  lane: string | null;
  actorId: string | null;
}

export interface NewJob {
  kind: JobKind;
  /** One pending job per key: scheduling again under the same key replaces the pending one. */
  key?: string;
  incidentId?: string;
  dueAt: number;
  payload?: Record<string, unknown>;
  /** jobPriority; the kind's default when absent. */
  priority?: number;
  /** Jobs sharing a lane run one at a time, oldest first. */
  lane?: string;
  /** The person whose action this job carries out; told privately if it cannot be done. */
  actorId?: string;
}

export interface JobRepository {
  schedule(job: NewJob, now: number): Job;
  /** Cancels the pending job under this key; true when there was one. */
  cancel(key: string, now: number): boolean;
  cancelForIncident(incidentId: string, kinds: readonly JobKind[], now: number): number;
  pending(key: string): Job | undefined;
  /**
   * Atomically marks up to `limit` due jobs of at most `maxPriority` as running under `runId` and
   * returns them, most urgent first. A job waits while an older job of its lane is pending or running.
   */
  claimDue(now: number, limit: number, runId: string, maxPriority?: number): Job[];
  complete(id: string, now: number): void;
  /** Puts a failed job back for another try at `retryAt`, or marks it failed for good when null. */
  fail(id: string, error: string, retryAt: number | null, now: number): void;
  /** Jobs a previous process claimed but never finished go back to pending; returns how many. */
  recoverInterrupted(currentRunId: string, now: number): number;
  countPending(): number;
  /** When the soonest pending job is due, if any; only those due after `after` when given. */
  nextDueAt(after?: number): number | undefined;
  /** Jobs of one incident in the order they were written, for tests and diagnostics. */
  listForIncident(incidentId: string): (Job & { status: string; lastError: string | null })[];
  /** Deletes done, cancelled and failed jobs last changed before `before`; returns how many. */
  prune(before: number): number;
}

export type EscalationStatus = 'active' | 'acknowledged' | 'exhausted' | 'cancelled';

export interface Escalation {
  id: string;
  incidentId: string;
  policyId: string | null;
  targetKind: 'service' | 'user';
  targetId: string;
  levelIndex: number;
  pass: number;
  status: EscalationStatus;
  requestedBy: string;
  startedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  endedAt: number | null;
}

export interface PageNotification {
  escalationId: string;
  userId: string;
  levelIndex: number;
  pass: number;
  channelId: string;
  ts: string;
  sentAt: number;
}

export interface EscalationRepository {
  create(input: Omit<Escalation, 'id' | 'levelIndex' | 'pass' | 'status' | 'acknowledgedBy' | 'acknowledgedAt' | 'endedAt'>): Escalation;
  findById(id: string): Escalation | undefined;
  listForIncident(incidentId: string): Escalation[];
  /** The acknowledged escalations of these incidents, in one read (the digest covers hundreds). */
  listAcknowledgedForIncidents(incidentIds: readonly string[]): Escalation[];
  update(escalation: Escalation): void;
  addNotification(notification: PageNotification): void;
  notifications(escalationId: string): PageNotification[];
}

export interface UpdateRepository {
  add(update: Omit<IncidentUpdate, 'id'> & { severity: Severity }): IncidentUpdate;
  listForIncident(incidentId: string): (IncidentUpdate & { severity: Severity })[];
  /** Updates of the given incidents, oldest first. */
  listForIncidents(incidentIds: string[]): IncidentUpdate[];
}

/** What the public status page is built from, read in a few indexed queries. */
export interface StatusPageSource {
  /** Grows with every change to incidents, updates or maintenance that the page could show. */
  version(): number;
  /**
   * Incidents the page may show (not drills, not private) declared at or after `since` or still
   * open; the updates of those incidents that carry a customer message, by incident, oldest first
   * (same-millisecond updates in stored order); and the maintenance windows ending after `since`.
   * An incident that did not change is the same object, with the same updates array, as last time.
   */
  read(since: number): {
    incidents: PublicIncidentSource[];
    updates: ReadonlyMap<string, readonly IncidentUpdate[]>;
    maintenances: Maintenance[];
  };
}

export interface MaintenanceRepository {
  create(input: Omit<Maintenance, 'id' | 'cancelledAt'>): Maintenance;
  findById(id: string): Maintenance | undefined;
  /** Windows that end after `since`, soonest start first. */
  listEndingAfter(since: number): Maintenance[];
  cancel(id: string, at: number): void;
}

export interface FollowUpRepository {
  add(input: Omit<FollowUp, 'id' | 'status' | 'doneAt'>): FollowUp;
  findById(id: string): FollowUp | undefined;
  listForIncident(incidentId: string): FollowUp[];
  /** Open follow-ups, optionally only one owner's, oldest due first (no due date last). */
  listOpen(filter?: { ownerId?: string; dueBefore?: number }): FollowUp[];
  markDone(id: string, at: number): FollowUp | undefined;
  countOverdue(now: number): number;
}

export interface StoredPostmortem {
  incidentId: string;
  markdown: string;
  token: string;
  generatedAt: number;
  generatedBy: string;
  fileId: string | null;
  canvasId: string | null;
}

export interface PostmortemRepository {
  /** Stores the draft, keeping the incident's URL token across regenerations. */
  save(draft: Omit<StoredPostmortem, 'token' | 'fileId' | 'canvasId'>, newToken: () => string): StoredPostmortem;
  find(incidentId: string): StoredPostmortem | undefined;
  setDelivery(incidentId: string, delivery: { fileId?: string | null; canvasId?: string | null }): void;
}

/** Around the matched words of a search snippet: control characters nobody types; the Slack layer makes them bold. */
export const searchMatchMarks = { start: '\u0002', end: '\u0003' } as const;

/** Where a search matched: what people wrote, never the bot's own wording. */
export type SearchField = 'title' | 'summary' | 'message' | 'update' | 'follow_up';

export interface SearchHit {
  incidentId: string;
  /** Lower is better (bm25). */
  rank: number;
  field: SearchField;
  /** The words around the match, the matched ones between `searchMatchMarks`. */
  snippet: string;
}

export interface SearchRepository {
  /** Incidents matching the words in what people wrote (title, summary, updates, messages, follow-ups), best first. */
  search(words: string[], options: { limit: number; anyWord?: boolean; excludeIncidentId?: string }): SearchHit[];
}
