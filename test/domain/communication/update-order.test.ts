import { describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import { NOW, hour, inputWith, makeIncident, makeUpdate } from './status-fixtures.js';

describe('public updates posted in the same millisecond', () => {
  it.each([
    [['investigating', 'resolved'] as const, 'resolved'],
    [['resolved', 'investigating'] as const, 'investigating'],
  ])('keep the order they were stored in: %j → %s', (order, expected) => {
    const incident = makeIncident({ id: 'inc-tie', services: ['payments'], declaredAt: NOW - hour });
    const updates = order.map((status, index) =>
      makeUpdate('inc-tie', status, NOW - 1000, `message ${index}`, { id: `z-${index === 0 ? 'late' : 'early'}` }),
    );
    const snapshot = buildStatusSnapshot(inputWith({ incidents: [incident], updates }));
    expect(snapshot.incidents[0]?.status).toBe(expected);
  });
});
