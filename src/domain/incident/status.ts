export const statuses = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type Status = (typeof statuses)[number];

export const statusLabels: Record<Status, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled (false alarm)',
};

/**
 * The whole lifecycle as data. Active statuses can move between each other (a fix that did not hold
 * sends monitoring back to investigating), to resolved, or to cancelled for a false alarm. Resolved
 * can be reopened or closed; closed and cancelled are final.
 */
export const allowedTransitions: Readonly<Record<Status, readonly Status[]>> = {
  investigating: ['identified', 'monitoring', 'resolved', 'cancelled'],
  identified: ['investigating', 'monitoring', 'resolved', 'cancelled'],
  monitoring: ['investigating', 'identified', 'resolved', 'cancelled'],
  resolved: ['investigating', 'closed'],
  closed: [],
  cancelled: [],
};

export const activeStatuses: readonly Status[] = ['investigating', 'identified', 'monitoring'];
export const openStatuses: readonly Status[] = [...activeStatuses, 'resolved'];

export const isStatus = (value: string): value is Status =>
  (statuses as readonly string[]).includes(value);

export const isFinished = (status: Status): boolean => status === 'closed' || status === 'cancelled';
