import type { IncidentBudgetSpend } from '../slo/error-budget.js';
import type { IncidentUpdate } from '../communication/types.js';
import type { Incident } from '../incident/incident.js';
import type { RoleTenure } from '../incident/roles.js';
import type { TimelineEntry } from '../timeline/event.js';

/** The sections typed reactions file a message in. */
export const timelineSections = ['observation', 'hypothesis', 'action', 'decision'] as const;
export type TimelineSection = (typeof timelineSections)[number];

export interface CurationSettings {
  /** Reactions that mark a key event (default ['pushpin']); pinning always does. */
  keyReactions: string[];
  /** Reaction name → section (defaults: bulb observation, thinking_face hypothesis, white_check_mark action, scales decision). */
  typedReactions: Record<string, TimelineSection>;
}

export const defaultCuration: CurationSettings = {
  keyReactions: ['pushpin'],
  typedReactions: { bulb: 'observation', thinking_face: 'hypothesis', white_check_mark: 'action', scales: 'decision' },
};

export const followUpStatuses = ['open', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export interface FollowUp {
  id: string;
  incidentId: string;
  text: string;
  ownerId: string | null;
  /** UTC ms; null = no due date. */
  dueAt: number | null;
  status: FollowUpStatus;
  /** Blocking follow-ups must be done (or the closer must confirm) before the incident is closed. */
  blocking: boolean;
  createdBy: string;
  createdAt: number;
  doneAt: number | null;
}

export interface PageRecord {
  startedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

/** Everything the postmortem draft is assembled from; all of it is already stored by the bot. */
export interface PostmortemInput {
  incident: Incident;
  roleHistory: RoleTenure[];
  /** Every entry of the incident's timeline, in any order (the renderer sorts). */
  timeline: TimelineEntry[];
  updates: IncidentUpdate[];
  pages: PageRecord[];
  followUps: FollowUp[];
  serviceNames: string[];
  /** IANA zone the timeline is written in. */
  timezone: string;
  curation: CurationSettings;
  generatedAt: number;
  /** What the incident cost the SLOs of its services; none = no section (no SLO, or not read). */
  errorBudgets?: IncidentBudgetSpend[];
}

export const milestoneNames = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type MilestoneName = (typeof milestoneNames)[number];

export interface Milestones {
  started: number;
  detected: number;
  acknowledged: number | null;
  mitigated: number | null;
  resolved: number | null;
}
