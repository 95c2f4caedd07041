import { buildStatusSnapshot } from '../domain/communication/status-snapshot.js';
import type { StatusPageSnapshot } from '../domain/communication/types.js';
import type { UseCaseDeps } from './ports.js';

const ninetyDays = 90 * 86_400_000;

/** Everything the public status page shows, from the database and the configuration in force. */
export const readStatusPage = (deps: UseCaseDeps, options: { fallbackUrl: string }): StatusPageSnapshot => {
  const now = deps.clock.now();
  const config = deps.config();
  const incidents = deps.incidents.listSince(now - ninetyDays).filter((incident) => !incident.isDrill);
  return buildStatusSnapshot({
    now,
    page: { id: 'incident-bot', name: config.statusPage.name, url: config.statusPage.url ?? options.fallbackUrl, timeZone: config.timezone },
    services: config.services.map((service) => ({ id: service.id, name: service.name, description: service.description })),
    incidents,
    updates: deps.updates.listForIncidents(incidents.filter((incident) => !incident.isPrivate).map((incident) => incident.id)),
    maintenances: deps.maintenances.listEndingAfter(now - ninetyDays),
  });
};

/**
 * The page is public and may be polled by widgets and monitors: build it at most once per
 * `maxAgeMs`, so a burst of requests costs one set of queries.
 */
export const cachedReader = <T>(read: () => T, now: () => number, maxAgeMs = 5_000): (() => T) => {
  let cached: { at: number; value: T } | undefined;
  return () => {
    const at = now();
    if (!cached || at - cached.at >= maxAgeMs || at < cached.at) cached = { at, value: read() };
    return cached.value;
  };
};
