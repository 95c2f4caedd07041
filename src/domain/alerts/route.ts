import type { AlertsConfig, ServiceCatalog, ServiceConfig } from '../escalation/types.js';
import type { AlertClass } from './alert.js';

const matchesSelector = (labels: Record<string, string>, selector: Record<string, string>): boolean => {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([name, value]) => labels[name] === value);
};

/** The services whose alert_labels all appear on the alert. */
export const servicesNamedByLabels = (config: ServiceCatalog, labels: Record<string, string>): ServiceConfig[] =>
  config.services.filter((service) => matchesSelector(labels, service.alertLabels));

/** The service label names a service by id; failing that, the first service whose alert_labels match. */
export const serviceOf = (config: ServiceCatalog, labels: Record<string, string>): ServiceConfig | undefined => {
  const named = labels[config.alerts.serviceLabel];
  return (named ? config.services.find((service) => service.id === named) : undefined) ?? servicesNamedByLabels(config, labels)[0];
};

export const alertClassOf = (alerts: AlertsConfig, labels: Record<string, string>): AlertClass => {
  const severity = (labels.severity ?? '').toLowerCase();
  if (alerts.pageSeverities.some((value) => value.toLowerCase() === severity)) return 'critical';
  if (alerts.infoSeverities.some((value) => value.toLowerCase() === severity)) return 'info';
  return 'warning';
};

/** Every service `serviceId` needs, directly or through others; cycles in the file do no harm. */
export const dependenciesOf = (config: ServiceCatalog, serviceId: string): Set<string> => {
  const found = new Set<string>();
  const visit = (id: string) => {
    for (const dependency of config.services.find((service) => service.id === id)?.dependsOn ?? []) {
      if (found.has(dependency)) continue;
      found.add(dependency);
      visit(dependency);
    }
  };
  visit(serviceId);
  found.delete(serviceId);
  return found;
};
