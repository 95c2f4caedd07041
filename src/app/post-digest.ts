import { CronExpressionParser } from 'cron-parser';
import { buildDigest } from '../domain/communication/digest.js';
import { findService } from '../domain/escalation/escalation.js';
import type { Job, UseCaseDeps } from './ports.js';

export const digestJobKey = 'digest';
const ninetyDays = 90 * 86_400_000;

/** The next time the digest cron fires after `after`, in the digest's time zone. */
export const nextDigestAt = (cron: string, timezone: string, after: number): number =>
  CronExpressionParser.parse(cron, { currentDate: new Date(after), tz: timezone }).next().getTime();

/** Keeps exactly one pending digest job, at the next cron time (called at start and after a reload). */
export const scheduleDigest = (deps: UseCaseDeps, since?: number): void => {
  const now = deps.clock.now();
  const { digest } = deps.config();
  const pending = deps.jobs.pending(digestJobKey);
  const dueAt = nextDigestAt(digest.cron, digest.timezone, now);
  if (pending && pending.dueAt === dueAt) return;
  const periodStart = since ?? (typeof pending?.payload.since === 'number' ? pending.payload.since : now);
  deps.jobs.schedule({ kind: 'digest', key: digestJobKey, dueAt, payload: { since: periodStart } }, now);
};

/** The scheduled executive digest, then the next one. */
export const postDigest = async (deps: UseCaseDeps, job: Job): Promise<void> => {
  const now = deps.clock.now();
  const config = deps.config();
  const since = typeof job.payload.since === 'number' ? job.payload.since : now - 86_400_000;
  // Drills are practice: left out of every metric.
  const incidents = deps.incidents.listSince(Math.min(since, now - ninetyDays)).filter((incident) => !incident.isPrivate && !incident.isDrill);
  const acknowledgements = new Map<string, { at: number; tookMs: number }>();
  // The first acknowledgement of each incident, from one read rather than one per incident.
  for (const escalation of deps.escalations.listAcknowledgedForIncidents(incidents.map((incident) => incident.id))) {
    const at = escalation.acknowledgedAt!;
    const known = acknowledgements.get(escalation.incidentId);
    if (!known || at < known.at) acknowledgements.set(escalation.incidentId, { at, tookMs: at - escalation.startedAt });
  }
  const digest = buildDigest({
    incidents,
    acknowledgements,
    periodStart: since,
    periodEnd: now,
    serviceName: (service) => findService(config, service)?.name ?? service,
  });
  digest.overdueFollowUps = deps.followUps.countOverdue(now);
  if (config.channels.executives) await deps.notifier.sendDigest(config.channels.executives, digest);
  deps.log.info({ open: digest.open.length, resolved: digest.resolved.length, posted: Boolean(config.channels.executives) }, 'digest');
  deps.jobs.schedule(
    { kind: 'digest', key: digestJobKey, dueAt: nextDigestAt(config.digest.cron, config.digest.timezone, now), payload: { since: now } },
    now,
  );
};
