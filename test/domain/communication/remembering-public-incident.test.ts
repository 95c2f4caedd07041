import { describe, expect, it } from 'vitest';
import { rememberingToPublicIncident, toPublicIncident } from '../../../src/domain/communication/public-incident.js';
import { NOW, makeIncident, makeUpdate, minute, services } from './status-fixtures.js';

describe('rememberingToPublicIncident', () => {
  const incident = makeIncident({ id: 'inc_1', services: ['api'] });
  const posted = makeUpdate('inc_1', 'investigating', NOW - minute, 'Looking into it.');
  const later = makeUpdate('inc_1', 'identified', NOW + 10 * minute, 'Found it.');

  it('answers like toPublicIncident, from memory while nothing it depends on changed', () => {
    const publicIncident = rememberingToPublicIncident();
    const updates = [posted];
    const first = publicIncident(incident, updates, services, NOW);
    expect(first).toEqual(toPublicIncident(incident, updates, services, NOW));
    expect(publicIncident(incident, updates, services, NOW + minute)).toBe(first);
    expect(publicIncident(incident, [posted], services, NOW)).not.toBe(first);
    expect(publicIncident({ ...incident }, updates, services, NOW)).not.toBe(first);
  });

  it('works it out again once an update posted for later is due', () => {
    const publicIncident = rememberingToPublicIncident();
    const updates = [posted, later];
    const before = publicIncident(incident, updates, services, NOW);
    expect(before!.updates).toHaveLength(1);
    expect(publicIncident(incident, updates, services, NOW + 10 * minute - 1)).toBe(before);
    expect(publicIncident(incident, updates, services, NOW + 10 * minute)!.updates.map((update) => update.body)).toEqual(['Found it.', 'Looking into it.']);
  });
});
