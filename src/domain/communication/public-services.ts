/** A service as the status page shows it: its configuration id, public name and description. */
export interface PublicService {
  id: string;
  name: string;
  description?: string | null;
}

/**
 * The ids of the configured services that `references` name, in configuration order. An incident's
 * services may hold service ids or the free-text names people typed, so a reference matches a
 * service by id or by name regardless of case; references that match nothing are dropped (free text
 * must never reach the public page).
 */
export const matchServiceIds = (services: readonly PublicService[], references: readonly string[]): string[] => {
  const wanted = new Set(references.map((reference) => reference.trim().toLowerCase()));
  return services
    .filter((service) => wanted.has(service.id.toLowerCase()) || wanted.has(service.name.trim().toLowerCase()))
    .map((service) => service.id);
};
