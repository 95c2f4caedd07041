import type { NewIncident } from '../../../src/app/incident/ports.js';

/** An incident of checkout-api, the service the SLO tests' SLO is about. */
export const checkoutIncident: NewIncident = {
  title: 'Checkout failing',
  severity: 'SEV2',
  summary: '',
  impact: '',
  services: ['checkout-api'],
  isPrivate: false,
  reporterId: 'U0REPORTER',
  commanderId: 'U0COMMANDR',
};
