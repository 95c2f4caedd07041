import { buildDigest } from '../../domain/communication/digest.js';
import { nextCronTime } from '../../domain/communication/cron-schedule.js';
import { findService } from '../../domain/escalation/escalation.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import type { Job } from '../ports.js';
import { sentOnce } from '../outbound.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { jobKeys } from '../job-keys.js';
import { noiseDigest } from '../alerts/alert-noise.js';
import { sloBudgetLines } from '../slo/slo-report.js';

const ninetyDays = 90 * 86_400_000;

/** The next time the digest cron fires after `after`, in the digest's time zone. */
const nextDigestAt = (digest: IncidentConfig['digest'], after: number): number => nextCronTime(digest.cron, digest.timezone, after);

type DigestDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'jobs'>;

/**
 * Computes when the digest of `digest` is next due (throwing when it cannot be scheduled) and returns
 * the write that moves the pending digest job there. A reload plans with the new file before putting
 * it in force, so a schedule the bot cannot run is refused while the old file stays.
 */
export const planDigest = (deps: DigestDeps, digest = deps.config().digest): (() => void) => {
  const now = deps.clock.now();
  const dueAt = nextDigestAt(digest, now);
  return () => {
    const pending = deps.jobs.pending(jobKeys.digest);
    if (pending && pending.dueAt === dueAt) return;
    const periodStart = typeof pending?.payload.since === 'number' ? pending.payload.since : now;
    deps.jobs.schedule({ kind: 'digest', key: jobKeys.digest, dueAt, payload: { since: periodStart } }, now);
  };
};

/** Keeps exactly one pending digest job, at the next cron time. */
export const scheduleDigest = (deps: DigestDeps, digest?: IncidentConfig['digest']): void => planDigest(deps, digest)();

export type PostDigestDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'jobs' | 'log' | 'notifier' | 'noise' | 'people' | 'slis'>;

/** The scheduled executive digest, then the next one. */
export const postDigest = async (deps: PostDigestDeps, job: Job): Promise<void> => {
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
  if (config.channels.executives) {
    // Names are looked up in Slack: only for a digest that is posted.
    digest.alertNoise = await noiseDigest(deps);
    // Read from Prometheus as it is posted; one that cannot be read says why.
    digest.sloBudgets = await sloBudgetLines(deps);
    await deps.notifier.post(config.channels.executives, { kind: 'digest', digest }, sentOnce(job));
  }
  deps.log.info({ open: digest.open.length, resolved: digest.resolved.length, posted: Boolean(config.channels.executives) }, 'digest');
  deps.jobs.schedule(
    { kind: 'digest', key: jobKeys.digest, dueAt: nextDigestAt(config.digest, now), payload: { since: now } },
    now,
  );
};
