/** Kinds of timeline entry: bot actions first, then what people did in the incident channel. */
export const timelineKinds = [
  'declared',
  'status_changed',
  'reopened',
  'severity_changed',
  'role_assigned',
  'note',
  'message',
  'pin_added',
  'pin_removed',
  'reaction_added',
  'reaction_removed',
  'paged',
  'page_acknowledged',
  'escalation_exhausted',
  'reminder',
  'update_posted',
  /** A message added to the timeline with the "Add to incident timeline" shortcut; data: { comment } */
  'curated',
  /** A milestone set by hand; data: { milestone: 'started' | 'detected' | 'mitigated', at } */
  'milestone',
  /** Monitoring, through the incident's alert group: an alert that joined it, or all of them resolved; data: { groupId, fingerprint? } */
  'alert',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** A fact produced by the domain; storage adds ids and Slack references. */
export interface TimelineEvent {
  kind: TimelineKind;
  actorId: string;
  at: number;
  text: string;
  data: Record<string, unknown>;
}

/** A stored timeline entry, with where it happened in Slack. */
export interface TimelineEntry extends TimelineEvent {
  id: string;
  incidentId: string;
  slackTs: string | null;
  permalink: string | null;
  editedAt: number | null;
  deletedAt: number | null;
}
