import type { HoldingWindow } from '../../domain/alerts/hold.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/**
 * Every maintenance window that has not ended, whatever its origin: /incident maintenance (the
 * status page's windows), the configuration file, and POST /api/maintenance. A cancelled window
 * ended when it was cancelled.
 */
export const maintenanceWindows = (deps: Pick<UseCaseDeps, 'maintenances' | 'alerts' | 'config'>, now: number): HoldingWindow[] => {
  const fromSlack = deps.maintenances
    .listEndingAfter(now)
    .filter((window) => window.cancelledAt === null)
    .map(({ id, title, services, startsAt, endsAt }) => ({ id, title, services, startsAt, endsAt }));
  const fromApi = deps.alerts
    .windowsEndingAfter(now)
    .filter((window) => window.cancelledAt === null && window.maintenanceId === null)
    .map(({ id, title, services, startsAt, endsAt }) => ({ id, title, services, startsAt, endsAt }));
  const fromFile = deps.config().alerts.maintenanceWindows.filter((window) => window.endsAt > now);
  return [...fromSlack, ...fromApi, ...fromFile];
};
