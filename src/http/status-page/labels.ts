import type { ComponentStatus, MaintenanceStatus, PublicImpact, PublicIncidentStatus } from '../../domain/communication/types.js';

/** Words for every status, so nothing on the page is told by colour alone. */
export const componentStatusLabels: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};

export const updateStatusLabels: Record<PublicIncidentStatus | MaintenanceStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

export const impactLabels: Record<PublicImpact, string> = {
  none: 'Minor impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};
