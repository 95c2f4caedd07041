import type { UseCaseDeps } from '../app/use-case-deps.js';
import { createAlertInboxRepository, type InboxDecoder } from './alert-inbox-repository.js';
import { createAlertRepository } from './alert-repository.js';
import type { Db } from './database.js';
import { createEscalationRepository } from './escalation-repository.js';
import { createFollowUpRepository } from './follow-up-repository.js';
import { createIdempotencyRepository } from './idempotency-repository.js';
import { createIncidentRepository } from './incident-repository.js';
import { createJobRepository } from './job-repository.js';
import { createMaintenanceRepository } from './maintenance-repository.js';
import { createNoiseRepository } from './noise-repository.js';
import { createPostmortemRepository } from './postmortem-repository.js';
import { createSearchRepository } from './search-repository.js';
import { createSloStatusRepository } from './slo-status-repository.js';
import { createTimelineRepository } from './timeline-repository.js';
import { createUpdateRepository } from './update-repository.js';

export type Repositories = Pick<
  UseCaseDeps,
  'alertInbox' | 'alerts' | 'escalations' | 'followUps' | 'idempotency' | 'incidents' | 'jobs' | 'maintenances' | 'noise' | 'postmortems' | 'search' | 'sloStatus' | 'timeline' | 'updates'
>;

/**
 * Every repository the use cases are given, over one database: the bot, the alert replay and the
 * tests build them here, so none of them misses one. `decode` reads a stored sender's body back into
 * alerts (the intake's parsers); without it only batches already read are.
 */
export const createRepositories = (db: Db, newId: () => string, decode?: InboxDecoder): Repositories => ({
  alertInbox: createAlertInboxRepository(db, decode),
  alerts: createAlertRepository(db, newId),
  escalations: createEscalationRepository(db, newId),
  followUps: createFollowUpRepository(db, newId),
  idempotency: createIdempotencyRepository(db),
  incidents: createIncidentRepository(db, newId),
  jobs: createJobRepository(db, newId),
  maintenances: createMaintenanceRepository(db, newId),
  noise: createNoiseRepository(db),
  postmortems: createPostmortemRepository(db),
  search: createSearchRepository(db),
  sloStatus: createSloStatusRepository(db),
  timeline: createTimelineRepository(db, newId),
  updates: createUpdateRepository(db, newId),
});
