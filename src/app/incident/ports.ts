import type { Incident } from '../../domain/incident/incident.js';
import type { Severity } from '../../domain/incident/severity.js';
import type { TimelineEntry, TimelineEvent } from '../../domain/timeline/event.js';
import type { RoleTenure } from '../../domain/incident/roles.js';

export type { RoleTenure };

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

export interface SimilarIncident {
  incident: Incident;
  postmortemUrl: string | null;
  /** Why it was found: where the words matched, and the words around them. */
  match?: Pick<SearchHit, 'field' | 'snippet'>;
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
