import { matchServiceIds, type PublicService } from './public-services.js';
import type { Maintenance, MaintenanceStatus, PublicMaintenance, PublicUpdate } from './types.js';

/** The texts of the updates a maintenance window posts by itself when it starts and ends. */
export const maintenanceMessages = {
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
} as const;

export const maintenanceStatusAt = (maintenance: Pick<Maintenance, 'startsAt' | 'endsAt'>, now: number): MaintenanceStatus => {
  if (now < maintenance.startsAt) return 'scheduled';
  if (now < maintenance.endsAt) return 'in_progress';
  return 'completed';
};

export const isMaintenanceInProgress = (maintenance: Maintenance, now: number): boolean =>
  maintenance.cancelledAt === null && maintenanceStatusAt(maintenance, now) === 'in_progress';

/** One update per phase reached by `now`, newest first. */
const maintenanceUpdates = (maintenance: Maintenance, status: MaintenanceStatus): PublicUpdate[] => {
  const updates: PublicUpdate[] = [
    { id: `${maintenance.id}-scheduled`, status: 'scheduled', body: maintenance.message, createdAt: maintenance.createdAt },
  ];
  if (status !== 'scheduled') {
    updates.push({ id: `${maintenance.id}-in_progress`, status: 'in_progress', body: maintenanceMessages.in_progress, createdAt: maintenance.startsAt });
  }
  if (status === 'completed') {
    updates.push({ id: `${maintenance.id}-completed`, status: 'completed', body: maintenanceMessages.completed, createdAt: maintenance.endsAt });
  }
  return updates.reverse();
};

/** The public face of a maintenance window; cancelled windows have none. */
export const toPublicMaintenance = (
  maintenance: Maintenance,
  services: readonly PublicService[],
  now: number,
): PublicMaintenance | null => {
  if (maintenance.cancelledAt !== null) return null;
  const status = maintenanceStatusAt(maintenance, now);
  const updates = maintenanceUpdates(maintenance, status);
  return {
    id: maintenance.id,
    name: maintenance.title,
    status,
    scheduledFor: maintenance.startsAt,
    scheduledUntil: maintenance.endsAt,
    createdAt: maintenance.createdAt,
    updatedAt: Math.max(...updates.map((update) => update.createdAt)),
    componentIds: matchServiceIds(services, maintenance.services),
    updates,
  };
};
