import { findService } from './escalation.js';
import type { ServiceCatalog, ServiceConfig } from './types.js';

/** Business-critical first (tier 1), then tier 2 …; services of one tier keep the configuration's order. */
export const byTier = <T extends Pick<ServiceConfig, 'tier'>>(services: readonly T[]): T[] =>
  services
    .map((service, index) => ({ service, index }))
    .sort((a, b) => a.service.tier - b.service.tier || a.index - b.index)
    .map(({ service }) => service);

/** The configured services among these ids or names, most critical first; names nobody configured are left out. */
export const configuredServices = (config: ServiceCatalog, idsOrNames: readonly string[]): ServiceConfig[] =>
  byTier([...new Set(idsOrNames.map((name) => findService(config, name)).filter((s): s is ServiceConfig => s !== undefined))]);

/**
 * The people to bring into an incident on these services: each service's `experts`, most critical
 * service first, everyone once.
 */
export const expertsFor = (config: ServiceCatalog, idsOrNames: readonly string[]): string[] => [
  ...new Set(configuredServices(config, idsOrNames).flatMap((service) => service.experts)),
];
