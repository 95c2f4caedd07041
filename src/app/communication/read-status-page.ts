import { buildStatusSnapshot, dayMs, historyDays, snapshotExpiresAt } from '../../domain/communication/status-snapshot.js';
import type { StatusPageSnapshot } from '../../domain/communication/types.js';
import { rememberingToPublicIncident, type toPublicIncident } from '../../domain/communication/public-incident.js';
import type { PublicService } from '../../domain/communication/public-services.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import type { Clock } from '../ports.js';
import type { StatusPageSource } from './ports.js';

export interface StatusPageReaderDeps {
  source: StatusPageSource;
  clock: Clock;
  /** The configuration in force now; a reload (SIGHUP) swaps the object. */
  config: () => IncidentConfig;
}

/** Everything the public status page shows at `now`, and until when that stays true if nothing is written. */
/** The configured services as the page shows them; the same array while the configuration is. */
const publicServices = (() => {
  let last: { config: IncidentConfig; services: PublicService[] } | undefined;
  return (config: IncidentConfig): PublicService[] => {
    if (last?.config !== config) {
      last = { config, services: config.services.map((service) => ({ id: service.id, name: service.name, description: service.description })) };
    }
    return last.services;
  };
})();

export const readStatusPage = (
  deps: StatusPageReaderDeps,
  options: { fallbackUrl: string; publicIncident?: typeof toPublicIncident },
): { snapshot: StatusPageSnapshot; expiresAt: number } => {
  const now = deps.clock.now();
  const config = deps.config();
  const { incidents, updates, maintenances } = deps.source.read(now - historyDays * dayMs);
  const input = {
    now,
    page: { id: 'incident-bot', name: config.statusPage.name, url: config.statusPage.url ?? options.fallbackUrl, timeZone: config.timezone },
    services: publicServices(config),
    incidents,
    updates,
    maintenances,
    ...(options.publicIncident ? { publicIncident: options.publicIncident } : {}),
  };
  return { snapshot: buildStatusSnapshot(input), expiresAt: snapshotExpiresAt(input) };
};

/**
 * The page is public and is polled hardest during an outage: it is built once per change, not per
 * request. A request costs one indexed read of the change counter; the snapshot is rebuilt (once)
 * when the counter moved, the configuration was reloaded, or time reached a moment that changes the
 * page (a maintenance starting, a day ending). The same snapshot object is returned until then, so
 * whatever is derived from it can be cached against its identity.
 */
export const createStatusPageReader = (deps: StatusPageReaderDeps, options: { fallbackUrl: string }): (() => StatusPageSnapshot) => {
  let cached: { version: number; config: IncidentConfig; builtAt: number; expiresAt: number; snapshot: StatusPageSnapshot } | undefined;
  // Incidents that did not change since the last rebuild keep their public face.
  const publicIncident = rememberingToPublicIncident();
  return () => {
    const version = deps.source.version();
    const config = deps.config();
    const now = deps.clock.now();
    if (!cached || cached.version !== version || cached.config !== config || now >= cached.expiresAt || now < cached.builtAt) {
      const { snapshot, expiresAt } = readStatusPage(deps, { ...options, publicIncident });
      cached = { version, config, builtAt: now, expiresAt, snapshot };
    }
    return cached.snapshot;
  };
};
