import type { Silence } from '../../domain/alerts/silence.js';
import { openAt } from '../../domain/alerts/hold.js';
import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../ports.js';
import { applySighting, settleBatch } from './apply-sighting.js';
import { maintenanceWindows } from './holding-windows.js';

/**
 * Expire (the list's button): the silence ends now, and whatever it held that still fires is
 * decided afresh in the same transaction, so it is notified (or paged) as if it had just arrived.
 */
export const expireSilence = (deps: Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config' | 'clock' | 'maintenances'>, input: { silenceId: string }): Silence => {
  const now = deps.clock.now();
  const windows = openAt(maintenanceWindows(deps, now), now);
  return deps.alerts.atomically(() => {
    const silence = deps.alerts.findSilence(input.silenceId);
    if (!silence) throw new DomainError('INVALID_INPUT', 'That silence no longer exists.');
    if (silence.expiredAt !== null || silence.endsAt <= now) return silence;
    const expired = { ...silence, expiredAt: now };
    deps.alerts.saveSilence(expired);
    const silences = deps.alerts.activeSilences(now);
    const touched = new Set<string>();
    for (const alert of deps.alerts.heldBy(silence.id)) {
      if (alert.status !== 'firing' || alert.holdId !== silence.id) continue;
      applySighting(
        deps,
        { fingerprint: alert.fingerprint, labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt, endsAt: alert.expiresAt, generatorUrl: alert.generatorUrl },
        { sourceId: alert.sourceId, now, windows, silences, touched },
      );
    }
    settleBatch(deps, touched, now);
    return expired;
  });
};
