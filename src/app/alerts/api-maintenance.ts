import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { publishMaintenance, withdrawMaintenance } from '../communication/schedule-maintenance.js';
import type { ApiMaintenance } from './alert-ports.js';
import { holdSummaryKey } from './apply-sighting.js';
import { alertJobPriority } from './alert-jobs.js';

export interface ApiMaintenanceInput {
  id: string;
  title: string;
  services: string[];
  startsAt: number;
  endsAt: number;
  isPublic: boolean;
  message: string | null;
}

/** A held-alerts summary already scheduled for this window follows the window's new end. */
const moveHoldSummary = (deps: Pick<UseCaseDeps, 'jobs'>, windowId: string, endsAt: number, now: number) => {
  const pending = deps.jobs.pending(holdSummaryKey(windowId));
  if (pending && pending.dueAt !== endsAt) deps.jobs.schedule({ kind: 'alert_hold_summary', priority: alertJobPriority.alert_hold_summary, key: holdSummaryKey(windowId), dueAt: Math.max(now, endsAt), payload: pending.payload }, now);
};

export type PutApiMaintenanceDeps = Pick<UseCaseDeps, 'alerts' | 'atomically' | 'clock' | 'config' | 'jobs' | 'log' | 'maintenances'>;

/**
 * A window from a change-management tool, under the tool's own id (sending it again updates it). A
 * public window also goes on the status page and to stakeholders, like /incident maintenance.
 */
export const putApiMaintenance = async (deps: PutApiMaintenanceDeps, input: ApiMaintenanceInput): Promise<{ window: ApiMaintenance; created: boolean }> => {
  const now = deps.clock.now();
  const unknown = input.services.filter((service) => !deps.config().services.some((candidate) => candidate.id === service));
  if (unknown.length > 0) throw new DomainError('INVALID_INPUT', `services: no service with id ${unknown.join(', ')}`, 'services');
  if (input.endsAt <= input.startsAt) throw new DomainError('INVALID_INPUT', 'ends_at: must be after starts_at', 'ends_at');
  const existing = deps.alerts.findWindow(input.id);
  let maintenanceId = existing?.maintenanceId ?? null;
  if (input.isPublic && !maintenanceId) {
    const published = await publishMaintenance(deps, {
      title: input.title,
      message: input.message ?? input.title,
      services: input.services,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: `api:${input.id}`,
    });
    maintenanceId = published.id;
  }
  const window: ApiMaintenance = {
    id: input.id,
    title: input.title,
    services: input.services,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    isPublic: input.isPublic,
    maintenanceId: input.isPublic ? maintenanceId : null,
    createdAt: existing?.createdAt ?? now,
    cancelledAt: null,
  };
  deps.alerts.atomically(() => {
    deps.alerts.saveWindow(window);
    moveHoldSummary(deps, maintenanceId ?? window.id, window.endsAt, now);
  });
  return { window, created: !existing };
};

export type CancelApiMaintenanceDeps = Pick<UseCaseDeps, 'alerts' | 'atomically' | 'clock' | 'config' | 'jobs' | 'log' | 'maintenances'>;

/** DELETE /api/maintenance/<id>: the window ends now; what it held is summarised at once. */
export const cancelApiMaintenance = async (deps: CancelApiMaintenanceDeps, id: string): Promise<ApiMaintenance | undefined> => {
  const window = deps.alerts.findWindow(id);
  if (!window || window.cancelledAt !== null) return undefined;
  const now = deps.clock.now();
  const cancelled = { ...window, cancelledAt: now };
  deps.alerts.atomically(() => {
    deps.alerts.saveWindow(cancelled);
    moveHoldSummary(deps, window.maintenanceId ?? window.id, now, now);
  });
  if (window.maintenanceId && window.endsAt > now) await withdrawMaintenance(deps, { maintenanceId: window.maintenanceId, actorId: `api:${id}` }).catch(() => undefined);
  return cancelled;
};
