import { SliUnavailable, type SliSource } from '../../src/app/slo/slo-ports.js';
import { pino } from 'pino';
import type { KnownPerson } from '../../src/app/ports.js';
import type { Notifier, OutboundMessage } from '../../src/app/outbound.js';
import type { UseCaseDeps } from '../../src/app/use-case-deps.js';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { jobHandlers } from '../../src/scheduler/job-handlers.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { fixedClock, sequentialIds, type FixedClock } from './clock.js';
import { openDatabase, type Db } from '../../src/storage/database.js';
import { databaseBackups } from '../../src/storage/backup.js';
import { createRepositories } from '../../src/storage/repositories.js';
import { testDatabase } from './test-db.js';

export interface NotifierCall {
  method: string;
  args: unknown[];
}

/**
 * What a notifier method answers when the test gave no answer of its own: whatever Slack would
 * hand back that the use cases keep (a channel, a message ts, where a DM landed).
 */
const defaultAnswers = (next: () => string): Record<string, (...args: unknown[]) => unknown> => ({
  createChannel: (name) => ({ id: `C${next()}`, name }),
  findOwnChannel: () => null,
  permalink: (channel, ts) => `https://example.slack.com/archives/${String(channel)}/p${String(ts).replace('.', '')}`,
  sendDm: (user) => ({ channelId: `D${String(user)}`, ts: next() }),
  userGroupMembers: () => [],
  createCanvas: () => null,
  uploadFile: () => `F${next()}`,
  post: next,
});

/**
 * Slack as the use cases see it, without Slack: every call is recorded in order (`calls`), and
 * answered by `answers` or else by a plausible default. Kept to a Proxy so a change to the Notifier
 * port needs no change here.
 */
/** The messages of one kind handed to `method` (`post`, `sendDm`, `update`: the message is the second argument), with the first. */
export const messagesOfKind = <K extends OutboundMessage['kind']>(calls: unknown[][], kind: K) =>
  calls.filter((args) => (args[1] as OutboundMessage).kind === kind).map((args) => ({ to: args[0], message: args[1] as Extract<OutboundMessage, { kind: K }> }));

export const recordingNotifier = (answers: Partial<Record<keyof Notifier, (...args: never[]) => unknown>> = {}) => {
  const calls: NotifierCall[] = [];
  let serial = 0;
  const next = () => `${1_700_000_000 + (serial += 1)}.000100`;
  const defaults = defaultAnswers(next);
  const notifier = new Proxy({} as Notifier, {
    get: (_target, method: string) => {
      const answer = (answers[method as keyof Notifier] ?? defaults[method] ?? (() => undefined)) as (...args: unknown[]) => unknown;
      const call = (...args: unknown[]) => {
        calls.push({ method, args });
        return answer(...args);
      };
      // permalink is the one synchronous method; the rest answer as Slack calls do, later.
      return method === 'permalink' ? call : async (...args: unknown[]) => call(...args);
    },
  });
  const callsTo = (method: keyof Notifier) => calls.filter((call) => call.method === method).map((call) => call.args);
  return { notifier, calls, callsTo };
};

export interface UseCaseWorld {
  deps: UseCaseDeps;
  /** The database under the repositories, for a test that reads a table no repository shows. */
  db: Db;
  clock: FixedClock;
  /** Every call the use cases made to Slack, in order. */
  calls: NotifierCall[];
  callsTo: (method: keyof Notifier) => unknown[][];
  /** Runs every job due at the clock's time, however many rounds that takes (jobs may schedule jobs). */
  runDueJobs(): Promise<void>;
  /** Moves the clock on and runs what fell due. */
  advance(ms: number): Promise<void>;
  close(): void;
}

/**
 * The real use cases, repositories and job handlers over an in-memory SQLite (or the file at
 * `databasePath`, as the bot keeps it), with the clock fixed and Slack replaced by a recording
 * notifier: a use-case test runs in milliseconds. What only Slack can show (Block Kit, permissions,
 * acks, retries over HTTP) stays in test/e2e.
 */
export const useCaseWorld = (
  options: {
    configYaml?: string;
    clock?: FixedClock;
    notifier?: Parameters<typeof recordingNotifier>[0];
    databasePath?: string;
    slis?: SliSource;
    /** The members of user groups as Slack would list them; a group left out has not been read. */
    userGroups?: Record<string, string[]>;
  } = {},
): UseCaseWorld => {
  const database = options.databasePath ? openDatabase(options.databasePath) : testDatabase();
  const clock = options.clock ?? fixedClock();
  const newId = sequentialIds('row');
  const config = parseIncidentConfig(options.configYaml ?? '{}');
  const { notifier, calls, callsTo } = recordingNotifier(options.notifier);
  const known = new Map<string, KnownPerson>();
  const deps: UseCaseDeps = {
    ...createRepositories(database.db, newId),
    atomically: database.atomically,
    notifier,
    clock,
    settings: { channelNameTemplate: 'inc-{number}-{slug}', botUserId: 'U0BOT' },
    log: pino({ level: 'silent' }),
    config: () => config,
    // Only the people a test introduces with `remember`, as Slack would describe them.
    people: {
      names: async (ids) => Object.fromEntries(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!.displayName]] : []))),
      findByName: async (name) => [...known.values()].find((person) => [person.handle, person.displayName].some((candidate) => candidate.toLowerCase() === name.toLowerCase()))?.id,
      remember: (person) => void known.set(person.id, person),
    },
    userGroups: { membersOf: (groupId) => (options.userGroups?.[groupId] ? new Set(options.userGroups[groupId]) : undefined), changed: () => undefined },
    publicUrl: () => 'http://127.0.0.1:3000',
    // Prometheus is a real server: tests of reading it are in test/system; here a test gives its readings.
    slis: options.slis ?? { read: () => Promise.reject(new SliUnavailable('this test reads no SLO')) },
    // The real thing: a test that takes backups gives its database a file (databasePath).
    backups: databaseBackups(options.databasePath ?? ':memory:'),
  };
  const scheduler = createScheduler({ jobs: deps.jobs, handlers: jobHandlers(deps), clock, logger: pino({ level: 'silent' }) });
  const runDueJobs = async () => {
    for (let round = 0; round < 1_000; round += 1) {
      const { ran, failed } = await scheduler.tick();
      if (ran + failed === 0) return;
    }
    throw new Error('jobs kept falling due');
  };
  return {
    deps,
    db: database.db,
    clock,
    calls,
    callsTo,
    runDueJobs,
    advance: async (ms) => {
      clock.advance(ms);
      await runDueJobs();
    },
    close: () => database.close(),
  };
};
