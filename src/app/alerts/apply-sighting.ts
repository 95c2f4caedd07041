import type { Disposition, IncomingAlert, StoredAlert } from '../../domain/alerts/alert.js';
import { alertTiming, foldSighting } from '../../domain/alerts/fold.js';
import { holdFor, openAt, type HoldingWindow } from '../../domain/alerts/hold.js';
import { silenceFor, type Silence } from '../../domain/alerts/silence.js';
import { alertClassOf, serviceOf } from '../../domain/alerts/route.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { joinGroup, newGroup, scheduleGroupSync, touchGroup } from './alert-groups.js';
import { maintenanceWindows } from './holding-windows.js';
import type { AlertGroup } from './alert-ports.js';
import { alertJobPriority } from './alert-jobs.js';
import { pageViewOf, scheduleAlertPages } from './page-alert-group.js';
import { heartbeatGroupKey } from './report-missing-heartbeat.js';
import { noiseTally, type NoiseTally } from './noise-tally.js';
import { recordAlertOnTimeline } from './alert-timeline.js';
import { autoDeclare } from './declare-from-alert.js';
import { jobKeys } from '../job-keys.js';

/** The whole set: a page decision may declare an incident (auto_declare) in the same transaction. */
/** What deciding an alert may touch: a page decision may declare an incident (auto_declare) in the same transaction. */
export type SightingDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log' | 'timeline' | 'alerts' | 'noise' | 'maintenances' | 'settings'>;

export interface SightingContext {
  sourceId: string;
  now: number;
  /** The windows open now. */
  windows: HoldingWindow[];
  /** The silences active now. */
  silences: Silence[];
  /** Groups whose message must catch up, settled once at the end of the batch. */
  touched: Set<string>;
  /** Counts each decision for the noise accounting. */
  tally?: NoiseTally;
  /** Not a sighting from monitoring: an alert already stored, decided again (its hold ended). */
  redecided?: boolean;
}

export const heartbeatJobKey = jobKeys.alertHeartbeat;
export const expiryJobKey = jobKeys.alertExpiry;
export const holdSummaryKey = jobKeys.alertHoldSummary;

/** The key of a service's critical group (an alert of no service has one per alert name). */
const criticalKey = (alert: StoredAlert) => ({ kind: 'critical' as const, team: alert.team, service: alert.service, alertname: alert.service ? null : alert.alertname });

/** A warning of a service whose critical is open attaches to it: on its card, and on its incident's timeline. */
const openCriticalGroup = (deps: SightingDeps, alert: StoredAlert): AlertGroup | undefined => {
  const latest = deps.alerts.latestGroup(criticalKey(alert));
  return latest?.status === 'open' ? latest : undefined;
};

/**
 * A critical opens its service's alert group and pages (and, when the policy says so, declares the
 * incident), unless the service's group is still open: then it attaches, and goes on the timeline of
 * the group's incident. A critical no silence holds, joining a group whose page a silence stopped,
 * pages afresh: the silence never covered it.
 */
const criticalGroup = (deps: SightingDeps, alert: StoredAlert, now: number): { group: AlertGroup; disposition: Disposition } => {
  const key = criticalKey(alert);
  const latest = deps.alerts.latestGroup(key);
  if (latest?.status === 'open' && latest.pageHeldBy !== null && latest.acknowledgedAt === null) {
    const repaged: AlertGroup = { ...latest, pageHeldBy: null, lastChangeAt: now };
    deps.alerts.saveGroup(repaged);
    scheduleAlertPages(deps, repaged, pageViewOf(deps, repaged.id, alert), { levelIndex: 0, pass: 0 }, now);
    scheduleGroupSync(deps, repaged, now);
    return { group: repaged, disposition: 'paged' };
  }
  if (latest?.status === 'open') {
    if (latest.incidentId && alert.groupId !== latest.id) recordAlertOnTimeline(deps, latest, alert, now);
    return { group: latest, disposition: alert.groupId === latest.id && alert.disposition === 'paged' ? 'paged' : 'attached' };
  }
  const group = deps.alerts.createGroup(newGroup(key, now));
  // The page goes first (page priority): the card can wait a tick, a person should not.
  scheduleAlertPages(deps, group, pageViewOf(deps, group.id, alert), { levelIndex: 0, pass: 0 }, now);
  return { group: autoDeclare(deps, group, alert, latest, now), disposition: 'paged' };
};

/** Where a firing alert goes, given what it is, what holds it and whether it flaps. */
const routeFiring = (deps: SightingDeps, alert: StoredAlert, flapping: boolean, context: SightingContext): StoredAlert => {
  const config = deps.config();
  const { now } = context;
  if (alert.alertClass === 'info') return { ...alert, disposition: 'info', groupId: null, holdId: null };
  const hold = holdFor(config, alert, context.windows);
  if (hold) {
    // Already held by this window: the hold and its summary are on record.
    if (alert.holdId === hold.window.id && alert.disposition.startsWith('held_')) {
      return { ...alert, disposition: hold.reason === 'maintenance' ? 'held_maintenance' : 'held_dependency', groupId: null };
    }
    deps.alerts.recordHold(hold.window.id, alert.fingerprint, now);
    const key = holdSummaryKey(hold.window.id);
    if (deps.jobs.pending(key)?.dueAt !== hold.window.endsAt) {
      deps.jobs.schedule({ kind: 'alert_hold_summary', priority: alertJobPriority.alert_hold_summary, key, dueAt: hold.window.endsAt, payload: { windowId: hold.window.id, title: hold.window.title, services: hold.window.services } }, now);
    }
    return { ...alert, disposition: hold.reason === 'maintenance' ? 'held_maintenance' : 'held_dependency', holdId: hold.window.id, groupId: null };
  }
  const silence = silenceFor(config, alert, context.silences, now);
  if (silence) {
    // Recorded (the noise accounting counts it), never notified or paged. One already on a card
    // stays there: the silence stops what comes next, it does not make the card claim a recovery.
    if (alert.holdId !== silence.id) deps.alerts.recordHold(silence.id, alert.fingerprint, now);
    return { ...alert, disposition: 'silenced', holdId: silence.id };
  }
  const team = alert.team ?? (config.channels.announcements ? '' : null);
  if (team === null) return { ...alert, disposition: 'unrouted', groupId: null, holdId: null };
  if (flapping) {
    const group = joinGroup(deps, { kind: 'flapping', team: alert.team, service: null, alertname: null }, now);
    return { ...alert, disposition: 'flapping', groupId: group.id, holdId: null };
  }
  if (alert.alertClass === 'critical') {
    const { group, disposition } = criticalGroup(deps, alert, now);
    return { ...alert, disposition, groupId: group.id, holdId: null };
  }
  const critical = alert.service ? openCriticalGroup(deps, alert) : undefined;
  if (critical) {
    if (critical.incidentId && alert.groupId !== critical.id) recordAlertOnTimeline(deps, critical, alert, now);
    return { ...alert, disposition: 'attached', groupId: critical.id, holdId: null };
  }
  const group = joinGroup(deps, { kind: 'warning', team: alert.team, service: alert.service, alertname: alert.alertname }, now);
  return { ...alert, disposition: 'grouped', groupId: group.id, holdId: null };
};

/**
 * One alert of a received batch, inside the batch's transaction: fold it into its stored row,
 * decide where it goes, and schedule the Slack work that decision implies.
 */
export const applySighting = (deps: SightingDeps, incoming: IncomingAlert, context: SightingContext): StoredAlert => {
  const previous = deps.alerts.find(incoming.fingerprint);
  const decided = decideSighting(deps, incoming, previous, context);
  context.tally?.decided(previous, decided);
  return decided;
};

const decideSighting = (deps: SightingDeps, incoming: IncomingAlert, previous: StoredAlert | undefined, context: SightingContext): StoredAlert => {
  const config = deps.config();
  const { now } = context;
  const folded = foldSighting(previous, incoming, now, config.alerts);
  const service = serviceOf(config, incoming.labels);
  const alertname = incoming.labels.alertname ?? 'unnamed';
  const base: StoredAlert = {
    fingerprint: incoming.fingerprint,
    sourceId: context.sourceId,
    alertname,
    service: service?.id ?? null,
    team: service?.team ?? null,
    alertClass: alertClassOf(config.alerts, incoming.labels),
    labels: incoming.labels,
    annotations: incoming.annotations,
    generatorUrl: incoming.generatorUrl,
    status: folded.status,
    startsAt: incoming.startsAt,
    expiresAt: folded.expiresAt,
    firstSeenAt: previous?.firstSeenAt ?? now,
    // Decided again, not seen again: when monitoring last sent it, and how often, stay as they were.
    lastSeenAt: context.redecided && previous ? previous.lastSeenAt : now,
    receivedCount: (previous?.receivedCount ?? 0) + (context.redecided ? 0 : 1),
    changes: folded.changes,
    disposition: previous?.disposition ?? 'unrouted',
    holdId: previous?.holdId ?? null,
    groupId: previous?.groupId ?? null,
    resolvedAt: folded.status === 'resolved' ? (previous?.resolvedAt ?? now) : null,
  };

  if (alertname === config.alerts.heartbeat.alertname) {
    deps.alerts.save({ ...base, disposition: 'heartbeat' }, previous);
    if (folded.status === 'firing') {
      // The pipeline is back: a page about its absence is over.
      const missing = deps.alerts.latestGroup(heartbeatGroupKey(config.alerts));
      if (missing?.status === 'open') context.touched.add(missing.id);
      const dueAt = now + alertTiming(config.alerts, config.alerts.heartbeat.missingAfterMs);
      deps.jobs.schedule({ kind: 'alert_heartbeat', priority: alertJobPriority.alert_heartbeat, key: heartbeatJobKey, dueAt, payload: { lastSeenAt: now } }, now);
    }
    return base;
  }

  if (folded.status === 'resolved') {
    deps.alerts.save(base, previous);
    if (previous?.status === 'firing' && previous.groupId) context.touched.add(previous.groupId);
    return base;
  }

  const routed = routeFiring(deps, base, folded.flapping, context);
  deps.alerts.save(routed, previous);
  if (previous?.groupId && previous.groupId !== routed.groupId) context.touched.add(previous.groupId);
  if (routed.groupId && (folded.changed || routed.groupId !== previous?.groupId)) context.touched.add(routed.groupId);
  return routed;
};

/**
 * Alerts whose hold ended (a maintenance window, a silence), still firing: each decided afresh as
 * if it had just arrived, under the windows and silences in force now (but `endingWindow`, which is
 * ending), in the caller's transaction, without counting as received again; only what now reaches
 * people is counted.
 */
export const redecide = (deps: SightingDeps, held: StoredAlert[], now: number, endingWindow?: string): void => {
  const windows = openAt(maintenanceWindows(deps, now), now).filter((window) => window.id !== endingWindow);
  const context = { now, windows, silences: deps.alerts.activeSilences(now), touched: new Set<string>(), tally: noiseTally(deps, now, false), redecided: true };
  for (const alert of held) {
    const incoming = { fingerprint: alert.fingerprint, labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt, endsAt: alert.expiresAt, generatorUrl: alert.generatorUrl };
    applySighting(deps, incoming, { ...context, sourceId: alert.sourceId });
  }
  settleBatch(deps, context.touched, now);
  context.tally.flush();
};

/**
 * After a batch: each changed group once (resolved when what it is about no longer fires), and the
 * expiry sweep. A critical group resolved with warnings still attached lets them go: each is decided
 * afresh, and joins a warning group of its own instead of firing on a card that says resolved.
 * `later`: alerts of this batch that are folded after it (what paging alerts went ahead of): their
 * own sightings decide them then, as if the batch had been folded whole.
 */
export const settleBatch = (deps: SightingDeps, touched: Set<string>, now: number, later: ReadonlySet<string> = new Set()): void => {
  for (const groupId of touched) {
    const group = touchGroup(deps, groupId, now);
    if (group?.kind === 'critical' && group.status === 'resolved') releaseAttached(deps, group.id, now, later);
  }
  scheduleExpirySweep(deps, now);
};

/** The warnings attached to a resolved critical group that still fire, decided again as of now. Once released, none is attached: doing it again does nothing. */
const releaseAttached = (deps: SightingDeps, groupId: string, now: number, later: ReadonlySet<string>): void => {
  const attached = deps.alerts.firingAttached(groupId).filter((alert) => !later.has(alert.fingerprint));
  if (attached.length > 0) redecide(deps, attached, now);
};

/** Makes sure the expiry sweep runs when the soonest firing alert expires. */
export const scheduleExpirySweep = (deps: SightingDeps, now: number, earliest = now): void => {
  const next = deps.alerts.nextExpiry();
  if (next === undefined) return;
  const dueAt = Math.max(earliest, next);
  const pending = deps.jobs.pending(expiryJobKey);
  if (pending && pending.dueAt <= dueAt) return;
  deps.jobs.schedule({ kind: 'alert_expiry', priority: alertJobPriority.alert_expiry, key: expiryJobKey, dueAt }, now);
};
