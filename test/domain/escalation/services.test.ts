import { describe, expect, it } from 'vitest';
import { byTier, expertsFor } from '../../../src/domain/escalation/services.js';
import { defaultIncidentConfig } from '../../../src/config/incident-config.js';
import type { ServiceConfig } from '../../../src/domain/escalation/types.js';
import type { IncidentConfig } from '../../../src/config/incident-config.js';

const service = (id: string, tier: number, experts: string[] = []): ServiceConfig => ({
  id,
  name: id.toUpperCase(),
  tier,
  team: null,
  runbook: null,
  experts,
  escalationPolicy: null,
  description: null,
  stakeholderChannels: [],
  alertLabels: {},
  dependsOn: [],
});

const config = (services: ServiceConfig[]): IncidentConfig => ({ ...defaultIncidentConfig(), services });

describe('services by tier', () => {
  it('puts tier 1 first and keeps the configured order within a tier', () => {
    const services = [service('wiki', 3), service('search', 2), service('payments', 1), service('checkout', 1), service('docs', 3)];
    expect(byTier(services).map((s) => s.id)).toEqual(['payments', 'checkout', 'search', 'wiki', 'docs']);
    expect(services.map((s) => s.id)).toEqual(['wiki', 'search', 'payments', 'checkout', 'docs']);
  });
});

describe('expertsFor', () => {
  const services = [service('search', 2, ['U0SEARCH1', 'U0SHARED1']), service('payments', 1, ['U0PAY0001', 'U0SHARED1']), service('wiki', 3)];
  it.each([
    [['search', 'payments'], ['U0PAY0001', 'U0SHARED1', 'U0SEARCH1']],
    [['Payments'], ['U0PAY0001', 'U0SHARED1']],
    [['wiki'], []],
    [['not configured', 'search', 'search'], ['U0SEARCH1', 'U0SHARED1']],
    [[], []],
  ])('%j → %j', (ids, expected) => {
    expect(expertsFor(config(services), ids)).toEqual(expected);
  });
});
