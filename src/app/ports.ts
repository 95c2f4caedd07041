import type { Incident } from '../domain/incident/incident.js';
import type { Role } from '../domain/incident/roles.js';
import type { Severity } from '../domain/incident/severity.js';
import type { TimelineEntry, TimelineEvent } from '../domain/timeline/event.js';

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
  reporterId: string;
  commanderId: string;
}

export interface SlackRefs {
  channelId?: string;
  channelName?: string;
  cardTs?: string;
  announcementChannelId?: string;
  announcementTs?: string;
}

export interface RoleTenure {
  role: Role;
  userId: string;
  assignedBy: string;
  startedAt: number;
  endedAt: number | null;
}

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
  /** Stores the changed incident, its role history and its events in one transaction. */
  save(incident: Incident, events: TimelineEvent[]): void;
  setSlackRefs(id: string, refs: SlackRefs): Incident;
  roleHistory(id: string): RoleTenure[];
}

export interface TimelineRepository {
  append(incidentId: string, event: TimelineEvent, source?: SlackSource): TimelineEntry;
  /** Inserts, or returns undefined when an entry with the same source key already exists. */
  appendOnce(incidentId: string, event: TimelineEvent, source: SlackSource): TimelineEntry | undefined;
  edit(incidentId: string, sourceKey: string, text: string, at: number): boolean;
  remove(incidentId: string, sourceKey: string, at: number): boolean;
  list(incidentId: string): TimelineEntry[];
}

export interface IdempotencyRepository {
  /** True the first time a key is claimed, false on every repeat. */
  claim(key: string, now: number): boolean;
}

/** Channel creation answers `name_taken` as a value: the use case picks the next name. */
export type CreateChannelResult = { id: string; name: string } | 'name_taken';

/**
 * Everything the use cases ask of Slack, in their own words. The Slack layer renders the blocks.
 */
export interface Notifier {
  createChannel(name: string, isPrivate: boolean): Promise<CreateChannelResult>;
  inviteUsers(channelId: string, userIds: string[]): Promise<void>;
  /** Posts and pins the incident card in its channel; returns the card's ts. */
  postCard(incident: Incident): Promise<string>;
  /** Posts the announcement with a Join button; returns its ts. */
  postAnnouncement(channelId: string, incident: Incident): Promise<string>;
  setTopic(incident: Incident): Promise<void>;
  /** Brings card, topic and announcement in line with the incident. */
  refresh(incident: Incident): Promise<void>;
  /** A short line in the incident channel recording what just happened; returns its ts. */
  postToChannel(channelId: string, text: string): Promise<string>;
  sendRoleChecklist(userId: string, incident: Incident, role: Role): Promise<void>;
  permalink(channelId: string, ts: string): string;
}

export interface UseCaseSettings {
  channelNameTemplate: string;
  announcementsChannel: string | undefined;
}

/** The slice of a structured logger the use cases need; pino's Logger satisfies it. */
export interface Log {
  info(fields: object, message: string): void;
}

export interface UseCaseDeps {
  incidents: IncidentRepository;
  timeline: TimelineRepository;
  idempotency: IdempotencyRepository;
  notifier: Notifier;
  clock: Clock;
  settings: UseCaseSettings;
  log: Log;
}
