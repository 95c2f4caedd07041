import type { Maintenance } from '../domain/communication/types.js';
import { DomainError } from '../domain/errors.js';
import { findService } from '../domain/escalation/escalation.js';
import type { Job, MaintenancePhase, UseCaseDeps } from './ports.js';

export type ScheduleMaintenanceInput = Omit<Maintenance, 'id' | 'createdAt' | 'cancelledAt'>;

const announce = async (deps: UseCaseDeps, maintenance: Maintenance, phase: MaintenancePhase) => {
  const config = deps.config();
  const names = maintenance.services.map((service) => findService(config, service)?.name ?? service);
  const channels = new Set([
    ...config.channels.stakeholders,
    ...maintenance.services.flatMap((service) => findService(config, service)?.stakeholderChannels ?? []),
  ]);
  for (const channel of channels) await deps.notifier.sendMaintenanceNotice(channel, maintenance, phase, names);
  return channels.size;
};

/**
 * A planned window: shown on the status page, announced to stakeholders now, when it starts and when
 * it ends. (Alert handling will later hold back expected alerts during these windows.)
 */
export const scheduleMaintenance = async (deps: UseCaseDeps, input: ScheduleMaintenanceInput): Promise<Maintenance> => {
  const now = deps.clock.now();
  if (input.endsAt <= input.startsAt) throw new DomainError('INVALID_INPUT', 'The window must end after it starts.', 'ends_at');
  if (input.endsAt <= now) throw new DomainError('INVALID_INPUT', 'The window has already ended.', 'ends_at');
  if (input.services.length === 0) throw new DomainError('INVALID_INPUT', 'Choose at least one service.', 'services');
  const maintenance = deps.maintenances.create({ ...input, createdAt: now });
  deps.log.info({ maintenanceId: maintenance.id, startsAt: input.startsAt, endsAt: input.endsAt }, 'maintenance scheduled');
  await announce(deps, maintenance, 'scheduled');
  const payload = { maintenanceId: maintenance.id };
  deps.jobs.schedule({ kind: 'maintenance_start', key: `maintenance_start:${maintenance.id}`, dueAt: Math.max(now, input.startsAt), payload }, now);
  deps.jobs.schedule({ kind: 'maintenance_end', key: `maintenance_end:${maintenance.id}`, dueAt: input.endsAt, payload }, now);
  return maintenance;
};

/** The maintenance jobs: announce the start and the end, unless the window was cancelled. */
export const announceMaintenancePhase = (phase: 'started' | 'completed') => async (deps: UseCaseDeps, job: Job) => {
  const maintenance = deps.maintenances.findById(String(job.payload.maintenanceId));
  if (!maintenance || maintenance.cancelledAt !== null) return;
  await announce(deps, maintenance, phase);
};

/** Cancels a window that has not ended: it leaves the status page and stakeholders are told. */
export const cancelMaintenance = async (deps: UseCaseDeps, input: { maintenanceId: string; actorId: string }): Promise<Maintenance> => {
  const maintenance = deps.maintenances.findById(input.maintenanceId);
  if (!maintenance) throw new DomainError('INVALID_INPUT', 'That maintenance window no longer exists.');
  const now = deps.clock.now();
  if (maintenance.cancelledAt !== null) throw new DomainError('SAME_VALUE', 'That maintenance window is already cancelled.');
  if (maintenance.endsAt <= now) throw new DomainError('INVALID_INPUT', 'That maintenance window has already ended.');
  deps.maintenances.cancel(maintenance.id, now);
  deps.jobs.cancel(`maintenance_start:${maintenance.id}`, now);
  deps.jobs.cancel(`maintenance_end:${maintenance.id}`, now);
  const cancelled = { ...maintenance, cancelledAt: now };
  await announce(deps, cancelled, 'cancelled');
  deps.log.info({ maintenanceId: maintenance.id, actorId: input.actorId }, 'maintenance cancelled');
  return cancelled;
};

/** Windows not yet ended and not cancelled, soonest first. */
export const upcomingMaintenance = (deps: UseCaseDeps): Maintenance[] =>
  deps.maintenances.listEndingAfter(deps.clock.now()).filter((maintenance) => maintenance.cancelledAt === null);
