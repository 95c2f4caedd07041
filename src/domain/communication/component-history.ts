import type { ComponentStatus } from './types.js';

/** A period during which something held components at a status: [from, until). */
export interface StatusSpan {
  componentIds: readonly string[];
  status: ComponentStatus;
  from: number;
  until: number;
}

/** What the history says about one component at `now`. */
export interface ComponentHistory {
  status: ComponentStatus;
  /** The latest instant in (since, now] at which its status changed, or `since` when none did. */
  changedAt: number;
}

/** Worst first; an incident's status beats maintenance, which beats operational. */
const byRank: readonly ComponentStatus[] = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'];

interface Boundary {
  at: number;
  status: ComponentStatus;
  /** +1 where a span starts holding the component, -1 where it stops. */
  delta: 1 | -1;
}

/**
 * Status and last change of every component, in one sweep over the span boundaries sorted once:
 * O(B log B) for B boundaries, instead of re-filtering every span at every boundary. A span holds
 * its components from `from` (included) to `until` (excluded); an empty or inverted span never
 * holds them. Boundaries at the same instant are applied together, so a span ending where another
 * of the same status starts is no change.
 */
export const componentHistories = (
  componentIds: readonly string[],
  spans: readonly StatusSpan[],
  now: number,
  since: number,
): Map<string, ComponentHistory> => {
  const boundaries = new Map<string, Boundary[]>(componentIds.map((id) => [id, []]));
  for (const span of spans) {
    if (!(span.until > span.from)) continue;
    for (const id of span.componentIds) {
      const own = boundaries.get(id);
      if (!own) continue;
      own.push({ at: span.from, status: span.status, delta: 1 });
      if (span.until !== Number.POSITIVE_INFINITY) own.push({ at: span.until, status: span.status, delta: -1 });
    }
  }
  const histories = new Map<string, ComponentHistory>();
  for (const [id, own] of boundaries) {
    own.sort((a, b) => a.at - b.at);
    const holding: Record<ComponentStatus, number> = {
      major_outage: 0,
      partial_outage: 0,
      degraded_performance: 0,
      under_maintenance: 0,
      operational: 0,
    };
    const worst = (): ComponentStatus => byRank.find((status) => holding[status] > 0) ?? 'operational';
    let changedAt = since;
    let index = 0;
    while (index < own.length && own[index]!.at <= now) {
      const at = own[index]!.at;
      const before = worst();
      for (; index < own.length && own[index]!.at === at; index += 1) holding[own[index]!.status] += own[index]!.delta;
      if (at > since && worst() !== before) changedAt = at;
    }
    histories.set(id, { status: worst(), changedAt });
  }
  return histories;
};
