import type { AlertClass, IncomingAlert, StoredAlert } from '../../domain/alerts/alert.js';
import type { HoldingWindow } from '../../domain/alerts/hold.js';
import type { Silence } from '../../domain/alerts/silence.js';

export type AlertGroupKind = 'warning' | 'critical' | 'flapping';

export interface AlertGroup {
  id: string;
  kind: AlertGroupKind;
  team: string | null;
  service: string | null;
  alertname: string | null;
  channelId: string | null;
  /** The group's message once posted; every later change edits it. */
  ts: string | null;
  status: 'open' | 'resolved';
  openedAt: number;
  lastChangeAt: number;
  resolvedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  /** The incident declared from this group (by the Declare button or automatically). */
  incidentId: string | null;
  /** The silence that stopped this group's page (its creator ticked "I know this holds pages"), while it lasts. */
  pageHeldBy: string | null;
  /** When its message was last posted or edited. */
  editedAt: number | null;
}

export interface ApiMaintenance extends HoldingWindow {
  isPublic: boolean;
  maintenanceId: string | null;
  createdAt: number;
  cancelledAt: number | null;
}

/** A batch as accepted over HTTP, before folding: one sender's request, and when it arrived. */
export interface InboxBatch {
  sourceId: string;
  receivedAt: number;
  alerts: IncomingAlert[];
}

/**
 * A request's alerts as the inbox keeps them: the body as it came, in its sender's format (read
 * again when folded, so that taking a batch costs no more than checking it), or `incoming`, a JSON
 * list of IncomingAlert.
 */
export interface SentBatch {
  sourceId: string;
  format: string;
  body: string;
  /** How many alerts it holds. */
  size: number;
}

/** Accepted batches, durable before the sender's answer, folded later in arrival order. */
export interface AlertInbox {
  /** Stores the batches; returns their ids, in order. */
  add(batches: (SentBatch & { receivedAt: number })[]): number[];
  /** One batch, if it still waits. */
  find(id: number): (InboxBatch & { id: number }) | undefined;
  /** Keeps only these of a waiting batch's alerts (the rest were folded ahead of it); none: the batch is gone. */
  keepOnly(id: number, alerts: IncomingAlert[]): void;
  /** Whether batch `id` still waits. */
  waits(id: number): boolean;
  /** Whether any batch up to and including `id` still waits. */
  waitingThrough(id: number): boolean;
  /** The oldest batches, whole, until they hold at least `alerts` alerts (at least one batch when any wait). */
  oldest(alerts: number): (InboxBatch & { id: number })[];
  /** Forgets every batch up to and including `id`, once folded. */
  removeThrough(id: number): void;
  /** When the oldest batch still waiting arrived; undefined: none waits. */
  oldestWaiting(): number | undefined;
}

export interface AlertStore {
  /** Runs `work` in one SQLite transaction, together with any job it schedules. */
  atomically<T>(work: () => T): T;
  find(fingerprint: string): StoredAlert | undefined;
  count(): number;
  /**
   * Stores the alert. `previous` is what it was when read in this transaction (undefined: new):
   * its group's counts follow from the difference.
   */
  save(alert: StoredAlert, previous: StoredAlert | undefined): void;
  recordHold(windowId: string, fingerprint: string, at: number): void;
  heldBy(windowId: string): StoredAlert[];
  /** Firing alerts whose expiry has come, oldest first, at most `limit`. */
  expired(now: number, limit: number): StoredAlert[];
  nextExpiry(): number | undefined;
  /** What a group's message shows, without reading every alert of a group of thousands. */
  groupSummary(groupId: string, sample: number): { firing: number; silenced: number; resolved: number; received: number; lead: StoredAlert | null; shown: StoredAlert[] };
  countFiring(groupId: string): number;
  /** Whether any of the group's alerts (of this class, when given) still fires; stops at the first, where counting walks a group of thousands. */
  anyFiring(groupId: string, alertClass?: AlertClass): boolean;
  /** The alerts attached to a critical group (of its service, not what it pages about) that still fire. */
  firingAttached(groupId: string): StoredAlert[];
  /** Firing alerts on the message of an open group: what a new silence re-decides. */
  firingInOpenGroups(): StoredAlert[];
  findGroup(id: string): AlertGroup | undefined;
  /** The newest group under this key, open or not. */
  latestGroup(key: Pick<AlertGroup, 'kind' | 'team' | 'service' | 'alertname'>): AlertGroup | undefined;
  createGroup(group: Omit<AlertGroup, 'id'>): AlertGroup;
  saveGroup(group: AlertGroup): void;
  saveWindow(window: ApiMaintenance): void;
  findWindow(id: string): ApiMaintenance | undefined;
  windowsEndingAfter(since: number): ApiMaintenance[];
  createSilence(silence: Omit<Silence, 'id'>): Silence;
  saveSilence(silence: Silence): void;
  findSilence(id: string): Silence | undefined;
  /** Silences not yet ended at `now` (neither run out nor expired by hand), soonest end first. */
  activeSilences(now: number): Silence[];
}

/** What a group's Slack message shows, computed when the sync job runs. */
export interface AlertGroupView {
  group: AlertGroup;
  serviceName: string | null;
  /** The alert that opened a critical group (its words head the card). */
  lead: StoredAlert | null;
  /** A few of its alerts to list: firing first, most recently seen first. */
  alerts: StoredAlert[];
  firing: number;
  /** Of the firing ones, how many a silence holds. */
  silenced: number;
  resolved: number;
  /** Sightings folded into these alerts. */
  received: number;
  /** The incident declared from the group; its channel once created. */
  incident: { key: string; channelId: string | null } | null;
  /** When the silence holding the group's page ends, while one does. */
  pageHeldUntil: number | null;
}

export interface AlertPageView {
  groupId: string;
  /** `service · alertname`, the words people and tools match a page by. */
  subject: string;
  summary: string;
  description: string | null;
  runbook: string | null;
  generatorUrl: string | null;
}
