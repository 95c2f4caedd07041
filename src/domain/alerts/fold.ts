import type { AlertsConfig } from '../escalation/types.js';
import type { AlertStatus, IncomingAlert, StoredAlert } from './alert.js';

/** Alert timings in effect: the configured ones divided by speedup (replays and drills). */
export const alertTiming = (alerts: AlertsConfig, ms: number): number => Math.max(1, Math.round(ms / alerts.speedup));

export interface Folded {
  status: AlertStatus;
  expiresAt: number;
  changes: number[];
  /** True when the status differs from what was stored (a new alert counts as a change to firing). */
  changed: boolean;
  flapping: boolean;
}

/**
 * One more sighting of an alert. Alertmanager API semantics: an endsAt at or before now means
 * resolved; a firing alert without endsAt stays firing for resolve_timeout unless sent again.
 */
export const foldSighting = (previous: StoredAlert | undefined, incoming: IncomingAlert, now: number, alerts: AlertsConfig): Folded => {
  const status: AlertStatus = incoming.endsAt !== null && incoming.endsAt <= now ? 'resolved' : 'firing';
  const expiresAt = status === 'resolved' ? (incoming.endsAt ?? now) : (incoming.endsAt ?? now + alertTiming(alerts, alerts.resolveTimeoutMs));
  const changed = previous ? previous.status !== status : true;
  return { status, expiresAt, changed, ...flappingAfter(previous?.changes ?? [], changed && previous !== undefined, now, alerts) };
};

/** Keeps the status changes inside the window; flapping once they reach the configured count. */
export const flappingAfter = (changes: readonly number[], changedNow: boolean, now: number, alerts: AlertsConfig) => {
  const since = now - alertTiming(alerts, alerts.flapping.windowMs);
  const kept = [...changes.filter((at) => at > since), ...(changedNow ? [now] : [])];
  return { changes: kept, flapping: kept.length >= alerts.flapping.changes };
};
