import type { JobKind } from './job-kinds.js';

/**
 * The ports every noun shares: time, ids, logging, transactions, the job queue, people. Each noun's
 * own ports live beside its use cases (app/<noun>/ports.ts); what the bot sends is app/outbound.ts.
 */

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export type IdGenerator = () => string;
export interface IdempotencyRepository {
  /** True the first time a key is claimed, false on every repeat. */
  claim(key: string, now: number): boolean;
  /** Forgets keys claimed before `before`; returns how many. */
  prune(before: number): number;
}

/** A person as Slack describes them (users.info, users.list, the user_change event). */
export interface KnownPerson {
  id: string;
  /** The @handle (`name`) */
  handle: string;
  /** What the person chose to be called, else their real name, else the handle. */
  displayName: string;
  deleted: boolean;
}

/** Who people are: display names for what the bot writes, and `@name` typed as plain text. */
export interface PeopleDirectory {
  /** Display names of these users by id; anyone Slack cannot describe is left out (and shown by id). */
  names(userIds: readonly string[]): Promise<Record<string, string>>;
  /** The user whose handle or display name is `name` (no @, any case), when exactly one has it. */
  findByName(name: string): Promise<string | undefined>;
  /** Takes in what Slack announced (user_change), without asking Slack again. */
  remember(person: KnownPerson): void;
}

/** Slack user groups' members, as last read (kept fresh beside the requests, never awaited by them). */
export interface UserGroups {
  /** The members as last read; undefined while the group has not been read yet (asking starts a read). */
  membersOf(groupId: string): ReadonlySet<string> | undefined;
  /** What Slack announced (subteam_members_changed): people added to the group and taken out of it. */
  changed(groupId: string, added: readonly string[], removed: readonly string[]): void;
}

/** The slice of a structured logger the use cases need; pino's Logger satisfies it. */
export interface Log {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Lower runs first: under load or rate limits, pages go before what people wait on, then cosmetics. */
export const jobPriority = { page: 0, urgent: 1, cosmetic: 2, background: 3 } as const;

export interface Job {
  id: string;
  kind: JobKind;
  key: string | null;
  incidentId: string | null;
  dueAt: number;
  payload: Record<string, unknown>;
  attempts: number;
  priority: number;
  lane: string | null;
  actorId: string | null;
}

export interface NewJob {
  kind: JobKind;
  /** One pending job per key: scheduling again under the same key replaces the pending one. */
  key?: string;
  incidentId?: string;
  dueAt: number;
  payload?: Record<string, unknown>;
  /** jobPriority; the kind's default when absent. */
  priority?: number;
  /** Jobs sharing a lane run one at a time, oldest first. */
  lane?: string;
  /** The person whose action this job carries out; told privately if it cannot be done. */
  actorId?: string;
}

export interface JobRepository {
  schedule(job: NewJob, now: number): Job;
  /** Cancels the pending job under this key; true when there was one. */
  cancel(key: string, now: number): boolean;
  cancelForIncident(incidentId: string, kinds: readonly JobKind[], now: number): number;
  pending(key: string): Job | undefined;
  /**
   * Atomically marks up to `limit` due jobs of at most `maxPriority` as running under `runId` and
   * returns them, most urgent first. A job waits while an older job of its lane is pending or running.
   */
  claimDue(now: number, limit: number, runId: string, maxPriority?: number): Job[];
  complete(id: string, now: number): void;
  /** Puts a failed job back for another try at `retryAt`, or marks it failed for good when null. */
  fail(id: string, error: string, retryAt: number | null, now: number): void;
  /** Jobs a previous process claimed but never finished go back to pending; returns how many. */
  recoverInterrupted(currentRunId: string, now: number): number;
  countPending(): number;
  /** When the soonest pending job is due, if any; only those due after `after` when given. */
  nextDueAt(after?: number): number | undefined;
  /** Jobs of one incident in the order they were written, for tests and diagnostics. */
  listForIncident(incidentId: string): (Job & { status: string; lastError: string | null })[];
  /** Deletes done, cancelled and failed jobs last changed before `before`; returns how many. */
  prune(before: number): number;
}

/** Runs `work` in one database transaction: a decision and the jobs it implies are stored together or not at all. */
export type Atomically = <T>(work: () => T) => T;
