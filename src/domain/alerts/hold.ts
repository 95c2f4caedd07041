import type { ServiceCatalog } from '../escalation/types.js';
import type { AlertClass } from './alert.js';
import { dependenciesOf, servicesNamedByLabels } from './route.js';

/** A maintenance window from any origin (/incident maintenance, the file, the API), as alerts see it. */
export interface HoldingWindow {
  id: string;
  title: string;
  services: string[];
  startsAt: number;
  endsAt: number;
}

export interface Hold {
  window: HoldingWindow;
  reason: 'maintenance' | 'dependency';
}

export const openAt = (windows: readonly HoldingWindow[], now: number): HoldingWindow[] =>
  windows.filter((window) => window.startsAt <= now && now < window.endsAt);

/**
 * Whether an open window explains the alert. It does when the alert is about a maintained service:
 * by its service, or by carrying a maintained service's alert_labels (a timeout on checkout that
 * names the database cluster). Warnings on services that depend on a maintained one, directly or
 * not, are explained too. A critical alert naming no maintained component is never held, whatever
 * it depends on: that is how an unrelated outage during a maintenance still pages.
 */
export const holdFor = (
  config: ServiceCatalog,
  alert: { service: string | null; labels: Record<string, string>; alertClass: AlertClass },
  windows: readonly HoldingWindow[],
): Hold | undefined => {
  if (windows.length === 0) return undefined;
  const named = new Set(servicesNamedByLabels(config, alert.labels).map((service) => service.id));
  if (alert.service) named.add(alert.service);
  const direct = windows.find((window) => window.services.some((service) => named.has(service)));
  if (direct) return { window: direct, reason: 'maintenance' };
  if (alert.alertClass === 'critical' || !alert.service) return undefined;
  const needs = dependenciesOf(config, alert.service);
  const upstream = windows.find((window) => window.services.some((service) => needs.has(service)));
  return upstream ? { window: upstream, reason: 'dependency' } : undefined;
};
