import type { IncidentConfig } from '../config/incident-config.js';
import type { AlertInbox, AlertStore } from './alerts/alert-ports.js';
import type { NoiseStore } from './alerts/noise-ports.js';
import type { FollowUpRepository, PostmortemRepository } from './postmortem/ports.js';
import type { MaintenanceRepository, UpdateRepository } from './communication/ports.js';
import type { EscalationRepository } from './paging/ports.js';
import type { IncidentRepository, SearchRepository, TimelineRepository } from './incident/ports.js';
import type { Notifier } from './outbound.js';
import type { SliSource, SloStatusStore } from './slo/slo-ports.js';
import type { DatabaseBackups } from './backups/backup-ports.js';
import type { Atomically, Clock, IdempotencyRepository, JobRepository, Log, PeopleDirectory, UserGroups } from './ports.js';

export interface UseCaseSettings {
  channelNameTemplate: string;
  /** The bot's own user: the reporter of what it declares by itself (an alert's incident). */
  botUserId?: string;
}

/**
 * Everything the composition root (bot.ts) provides. No use case takes all of it: each picks what it
 * uses (`type Deps = Pick<UseCaseDeps, 'incidents' | 'clock'>`), so its signature says what it touches.
 */
export interface UseCaseDeps {
  atomically: Atomically;
  incidents: IncidentRepository;
  timeline: TimelineRepository;
  idempotency: IdempotencyRepository;
  notifier: Notifier;
  clock: Clock;
  settings: UseCaseSettings;
  log: Log;
  jobs: JobRepository;
  escalations: EscalationRepository;
  /** The configuration in force now; a reload (SIGHUP) swaps it. */
  config: () => IncidentConfig;
  updates: UpdateRepository;
  maintenances: MaintenanceRepository;
  followUps: FollowUpRepository;
  postmortems: PostmortemRepository;
  search: SearchRepository;
  people: PeopleDirectory;
  /** The members of the user groups `permissions` names. */
  userGroups: UserGroups;
  /** The bot's public base URL (no trailing slash), for links to the postmortem drafts it serves. */
  publicUrl: () => string;
  alerts: AlertStore;
  /** The alert noise accounting: counts per source, service and alert name, and who was paged. */
  noise: NoiseStore;
  /** Accepted alert batches waiting to be folded (app/alerts/fold-alert-inbox.ts). */
  alertInbox: AlertInbox;
  /** Where the SLOs' events are read (Prometheus). */
  slis: SliSource;
  /** Each SLO as its last evaluation read it, for the incident cards. */
  sloStatus: SloStatusStore;
  /** Copies of the bot's own database (`backups` in the configuration). */
  backups: DatabaseBackups;
}
