import type { TimelineEntry } from '../timeline/event.js';
import type { MilestoneName, Milestones, PostmortemInput } from './types.js';

/** The milestones people may set by hand; acknowledged and resolved come from pages and the lifecycle. */
export const manualMilestones = ['started', 'detected', 'mitigated'] as const satisfies readonly MilestoneName[];
export type ManualMilestone = (typeof manualMilestones)[number];

const isManualMilestone = (value: unknown): value is ManualMilestone =>
  typeof value === 'string' && (manualMilestones as readonly string[]).includes(value);

/** When a milestone entry says the milestone happened: its `data.at`, else when it was recorded. */
export const milestoneTime = (entry: TimelineEntry): number => {
  const at = entry.data.at;
  return typeof at === 'number' && Number.isFinite(at) ? at : entry.at;
};

/**
 * The milestone entries that count: per milestone, the latest non-deleted one (by when it was
 * recorded; on a tie the later one in the input). Superseded settings are corrections, not history.
 */
export const effectiveMilestoneEntries = (timeline: readonly TimelineEntry[]): Map<ManualMilestone, TimelineEntry> => {
  const winners = new Map<ManualMilestone, TimelineEntry>();
  for (const entry of timeline) {
    if (entry.kind !== 'milestone' || entry.deletedAt !== null) continue;
    const name = entry.data.milestone;
    if (!isManualMilestone(name)) continue;
    const current = winners.get(name);
    if (!current || entry.at >= current.at) winners.set(name, entry);
  }
  return winners;
};

const statusTarget = (entry: TimelineEntry): unknown =>
  entry.kind === 'status_changed' && entry.deletedAt === null ? entry.data.to : undefined;

/**
 * Mitigation as the lifecycle shows it: the first move to monitoring, or to resolved when that came
 * first (an incident resolved straight from investigating never went through monitoring).
 */
const firstMitigatingChange = (timeline: readonly TimelineEntry[]): number | null => {
  let first: number | null = null;
  for (const entry of timeline) {
    const to = statusTarget(entry);
    if ((to === 'monitoring' || to === 'resolved') && (first === null || entry.at < first)) first = entry.at;
  }
  return first;
};

export const deriveMilestones = (input: PostmortemInput): Milestones => {
  const set = effectiveMilestoneEntries(input.timeline);
  const manual = (name: ManualMilestone): number | null => {
    const entry = set.get(name);
    return entry ? milestoneTime(entry) : null;
  };
  let acknowledged: number | null = null;
  for (const page of input.pages) {
    if (page.acknowledgedAt !== null && (acknowledged === null || page.acknowledgedAt < acknowledged)) {
      acknowledged = page.acknowledgedAt;
    }
  }
  return {
    started: manual('started') ?? input.incident.declaredAt,
    detected: manual('detected') ?? input.incident.declaredAt,
    acknowledged,
    mitigated: manual('mitigated') ?? firstMitigatingChange(input.timeline),
    resolved: input.incident.resolvedAt,
  };
};

export interface MilestoneDurations {
  toDetect: number | null;
  toAcknowledge: number | null;
  toMitigate: number | null;
  toResolve: number | null;
}

const between = (from: number | null, to: number | null): number | null => (from === null || to === null ? null : to - from);

/** Milliseconds between milestones, as computed (a negative value means inconsistent milestones). */
export const durations = (m: Milestones): MilestoneDurations => ({
  toDetect: between(m.started, m.detected),
  toAcknowledge: between(m.detected, m.acknowledged),
  toMitigate: between(m.started, m.mitigated),
  toResolve: between(m.started, m.resolved),
});
