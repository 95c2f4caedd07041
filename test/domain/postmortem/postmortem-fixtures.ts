import type { Incident } from '../../../src/domain/incident/incident.js';
import type { RoleTenure } from '../../../src/domain/incident/roles.js';
import { defaultCuration, type FollowUp, type PostmortemInput } from '../../../src/domain/postmortem/types.js';
import type { TimelineEntry, TimelineKind } from '../../../src/domain/timeline/event.js';
import { makeIncident } from '../make-incident.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** 2024-01-15 09:00 UTC, which is 09:00 GMT in London. */
export const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
export const at = (minutes: number): number => T0 + minutes * MINUTE;

/** A Slack ts for a message posted `minutes` after T0 (unique per minute and suffix). */
export const tsAt = (minutes: number, suffix = 0): string => `${Math.floor(at(minutes) / 1000)}.${String(suffix).padStart(6, '0')}`;

let sequence = 0;
const nextId = () => `ent_${String(++sequence).padStart(5, '0')}`;

export const entry = (kind: TimelineKind, atMs: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: nextId(),
  incidentId: 'inc_01',
  kind,
  actorId: 'U_IC',
  at: atMs,
  text: '',
  data: {},
  slackTs: null,
  permalink: null,
  editedAt: null,
  deletedAt: null,
  ...overrides,
});

const permalinkFor = (ts: string) => `https://acme.slack.com/archives/C_INC42/p${ts.replace('.', '')}`;

/** A channel message; its ts and permalink follow from `slackTs` (default: derived from the time). */
export const message = (atMs: number, text: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry => {
  const slackTs = overrides.slackTs ?? `${Math.floor(atMs / 1000)}.000001`;
  return entry('message', atMs, { actorId: 'U_ENG', text, slackTs, permalink: permalinkFor(slackTs), ...overrides });
};

export const reaction = (target: TimelineEntry, reactionName: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry =>
  entry('reaction_added', target.at + 1_000, { actorId: 'U_SCRIBE', data: { reaction: reactionName }, slackTs: target.slackTs, ...overrides });

export const pin = (target: TimelineEntry, overrides: Partial<TimelineEntry> = {}): TimelineEntry =>
  entry('pin_added', target.at + 2_000, { actorId: 'U_SCRIBE', slackTs: target.slackTs, ...overrides });

export const curated = (target: TimelineEntry, comment: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry =>
  entry('curated', target.at + 3_000, { actorId: 'U_SCRIBE', text: target.text, data: { comment }, slackTs: target.slackTs, ...overrides });

export const statusChange = (atMs: number, from: string, to: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry =>
  entry('status_changed', atMs, { data: { from, to }, ...overrides });

export const milestone = (name: string, milestoneAt: number, recordedAt: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry =>
  entry('milestone', recordedAt, { data: { milestone: name, at: milestoneAt }, ...overrides });

export const declared = (incident: Incident): TimelineEntry =>
  entry('declared', incident.declaredAt, {
    actorId: incident.reporterId,
    text: incident.summary,
    data: { title: incident.title, severity: incident.severity, services: incident.services, private: incident.isPrivate },
  });

export const tenure = (role: RoleTenure['role'], userId: string, startedAt: number, endedAt: number | null): RoleTenure => ({
  role,
  userId,
  assignedBy: 'U_REPORTER',
  startedAt,
  endedAt,
});

export const followUp = (overrides: Partial<FollowUp> = {}): FollowUp => ({
  id: nextId(),
  incidentId: 'inc_01',
  text: 'Add a canary stage to the payments deploy',
  ownerId: 'U_OPS',
  dueAt: null,
  status: 'open',
  blocking: false,
  createdBy: 'U_IC',
  createdAt: at(200),
  doneAt: null,
  ...overrides,
});

/** A resolved incident declared at T0 in London with an empty timeline apart from its declaration. */
export const makeInput = (overrides: Partial<Omit<PostmortemInput, 'incident'>> & { incident?: Partial<Incident> } = {}): PostmortemInput => {
  const incident = makeIncident({
    number: 12,
    title: 'Checkout failing for card payments',
    declaredAt: T0,
    status: 'resolved',
    resolvedAt: at(90),
    ...overrides.incident,
  });
  return {
    roleHistory: [tenure('commander', 'U_IC', T0, null)],
    timeline: [declared(incident)],
    updates: [],
    pages: [],
    followUps: [],
    serviceNames: ['Checkout', 'Payments'],
    timezone: 'Europe/London',
    curation: defaultCuration,
    generatedAt: at(24 * 60),
    ...overrides,
    incident,
  };
};
