import type { Maintenance } from '../../domain/communication/types.js';
import { DomainError } from '../../domain/errors.js';
import { findService } from '../../domain/escalation/escalation.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { Job } from '../ports.js';
import { sentOnce } from '../outbound.js';
import type { MaintenancePhase } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { jobKeys } from '../job-keys.js';
import { requirePermission } from '../permissions/require-permission.js';

export type ScheduleMaintenanceInput = Omit<Maintenance, 'id' | 'createdAt' | 'cancelledAt'>;

const stakeholderChannels = (deps: Pick<UseCaseDeps, 'config'>, maintenance: Maintenance): Set<string> => {
  const config = deps.config();
  return new Set([
    ...config.channels.stakeholders,
    ...maintenance.services.flatMap((service) => findService(config, service)?.stakeholderChannels ?? []),
  ]);
};

/** One notice job per stakeholder channel, written with the change that calls for it. */
const announce = (deps: Pick<UseCaseDeps, 'clock' | 'config' | 'jobs'>, maintenance: Maintenance, phase: MaintenancePhase) =>
  enqueue(deps, ...[...stakeholderChannels(deps, maintenance)].map((channel) => effect.maintenanceNotice(maintenance.id, phase, channel)));

export type ScheduleMaintenanceDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'jobs' | 'log' | 'maintenances'>;

/**
 * A planned window: shown on the status page, announced to stakeholders now, when it starts and when
 * it ends; while it is open it holds the alerts it explains. This is the change tool's way in (the
 * API, with its own token); a person's is scheduleMaintenance.
 */
export const publishMaintenance = async (deps: ScheduleMaintenanceDeps, input: ScheduleMaintenanceInput): Promise<Maintenance> => {
  const now = deps.clock.now();
  if (input.endsAt <= input.startsAt) throw new DomainError('INVALID_INPUT', 'The window must end after it starts.', 'ends_at');
  if (input.endsAt <= now) throw new DomainError('INVALID_INPUT', 'The window has already ended.', 'ends_at');
  if (input.services.length === 0) throw new DomainError('INVALID_INPUT', 'Choose at least one service.', 'services');
  const maintenance = deps.atomically(() => {
    const created = deps.maintenances.create({ ...input, createdAt: now });
    announce(deps, created, 'scheduled');
    const payload = { maintenanceId: created.id };
    deps.jobs.schedule({ kind: 'maintenance_start', key: jobKeys.maintenanceStart(created.id), dueAt: Math.max(now, input.startsAt), payload }, now);
    deps.jobs.schedule({ kind: 'maintenance_end', key: jobKeys.maintenanceEnd(created.id), dueAt: input.endsAt, payload }, now);
    return created;
  });
  deps.log.info({ maintenanceId: maintenance.id, startsAt: input.startsAt, endsAt: input.endsAt }, 'maintenance scheduled');
  return maintenance;
};

/** A window a person schedules in Slack: only who permissions.maintenance names may. */
export const scheduleMaintenance = async (deps: ScheduleMaintenanceDeps & Pick<UseCaseDeps, 'userGroups' | 'log'>, input: ScheduleMaintenanceInput): Promise<Maintenance> => {
  requirePermission(deps, 'maintenance', input.createdBy, undefined, 'maintenance_title');
  return publishMaintenance(deps, input);
};

export type AnnounceMaintenancePhaseDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'jobs' | 'maintenances'>;

/** The maintenance timers: announce the start and the end, unless the window was cancelled. */
export const announceMaintenancePhase = (phase: 'started' | 'completed') => async (deps: AnnounceMaintenancePhaseDeps, job: Job) => {
  deps.atomically(() => {
    const maintenance = deps.maintenances.findById(String(job.payload.maintenanceId));
    if (maintenance && maintenance.cancelledAt === null) announce(deps, maintenance, phase);
  });
};

/**
 * The maintenance_notice job: one channel told, with the window as stored when it runs. A start or
 * an end of a window cancelled meanwhile is not announced; the cancellation's own notice says so.
 */
export const sendMaintenanceNotice = async (deps: Pick<UseCaseDeps, 'config' | 'maintenances' | 'notifier'>, job: Job): Promise<void> => {
  const maintenance = deps.maintenances.findById(String(job.payload.maintenanceId));
  const phase = job.payload.phase as MaintenancePhase;
  if (!maintenance || (maintenance.cancelledAt !== null && (phase === 'started' || phase === 'completed'))) return;
  const config = deps.config();
  const names = maintenance.services.map((service) => findService(config, service)?.name ?? service);
  await deps.notifier.post(String(job.payload.channelId), { kind: 'maintenance_notice', maintenance, phase, serviceNames: names }, sentOnce(job));
};

export type CancelMaintenanceDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'jobs' | 'log' | 'maintenances'>;

/** A person cancels a window in Slack: only who permissions.maintenance names may. */
export const cancelMaintenance = async (deps: CancelMaintenanceDeps & Pick<UseCaseDeps, 'userGroups' | 'log'>, input: { maintenanceId: string; actorId: string }): Promise<Maintenance> => {
  requirePermission(deps, 'maintenance', input.actorId);
  return withdrawMaintenance(deps, input);
};

/** Cancels a window that has not ended: it leaves the status page and stakeholders are told. */
export const withdrawMaintenance = async (deps: CancelMaintenanceDeps, input: { maintenanceId: string; actorId: string }): Promise<Maintenance> => {
  const maintenance = deps.maintenances.findById(input.maintenanceId);
  if (!maintenance) throw new DomainError('INVALID_INPUT', 'That maintenance window no longer exists.');
  const now = deps.clock.now();
  if (maintenance.cancelledAt !== null) throw new DomainError('SAME_VALUE', 'That maintenance window is already cancelled.');
  if (maintenance.endsAt <= now) throw new DomainError('INVALID_INPUT', 'That maintenance window has already ended.');
  const cancelled = { ...maintenance, cancelledAt: now };
  deps.atomically(() => {
    deps.maintenances.cancel(maintenance.id, now);
    deps.jobs.cancel(jobKeys.maintenanceStart(maintenance.id), now);
    deps.jobs.cancel(jobKeys.maintenanceEnd(maintenance.id), now);
    announce(deps, cancelled, 'cancelled');
  });
  deps.log.info({ maintenanceId: maintenance.id, actorId: input.actorId }, 'maintenance cancelled');
  return cancelled;
};

/** Windows not yet ended and not cancelled, soonest first. */
export const upcomingMaintenance = (deps: Pick<UseCaseDeps, 'clock' | 'maintenances'>): Maintenance[] =>
  deps.maintenances.listEndingAfter(deps.clock.now()).filter((maintenance) => maintenance.cancelledAt === null);
