import { SliUnavailable } from '../app/slo/slo-ports.js';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import type { AlertGroupView } from '../app/alerts/alert-ports.js';
import { receiveAlerts } from '../app/alerts/receive-alerts.js';
import type { Clock } from '../app/ports.js';
import type { Notifier, OutboundMessage } from '../app/outbound.js';
import type { UseCaseDeps } from '../app/use-case-deps.js';
import { ConfigError } from '../config/env.js';
import { loadIncidentConfig } from '../config/incident-config-file.js';
import type { IncidentConfig } from '../config/incident-config.js';
import { parseAlertmanagerApi } from '../http/alerts/formats/alertmanager-api.js';
import { jobHandlers } from '../scheduler/job-handlers.js';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.js';
import { openDatabase, type Db } from '../storage/database.js';
import { createRepositories } from '../storage/repositories.js';

export interface ReplayLine {
  /** Milliseconds after the first line that the alert arrived. */
  offsetMs: number;
  alert: unknown;
}

/**
 * A line of the replay file: an Alertmanager API v2 alert with its arrival offset, e.g.
 * `{"offset_ms": 90000, "labels": {...}, "annotations": {...}, "startsAt": "...", "endsAt": "..."}`.
 */
export const parseReplayLine = (text: string, lineNumber: number): ReplayLine => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`line ${lineNumber}: not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`line ${lineNumber}: must be a JSON object (an alert with offset_ms)`);
  const { offset_ms: offset, ...alert } = value as Record<string, unknown>;
  if (typeof offset !== 'number' || !Number.isFinite(offset) || offset < 0) throw new Error(`line ${lineNumber}: offset_ms must be a number of milliseconds, 0 or more`);
  return { offsetMs: offset, alert };
};

export interface ReplayEvent {
  atMs: number;
  /** `declare`: an incident the bot would declare by itself (auto_declare); what its channel would show is left out. */
  kind: 'message' | 'page' | 'edit' | 'declare';
  text: string;
}

const describeGroup = (view: AlertGroupView) =>
  `${view.group.kind} ${view.serviceName ?? view.group.service ?? 'no service'} · ${view.group.alertname ?? view.lead?.alertname ?? 'flapping'} (${view.firing} firing)`;

const describeMessage = (message: OutboundMessage): string =>
  message.kind === 'alert_group' ? describeGroup(message.view) : message.kind === 'line' ? message.text : message.kind;

/** Slack as the replay sees it: nothing is sent; every would-be message and page is recorded. */
const recordingNotifier = (record: (kind: ReplayEvent['kind'], text: string) => void): Notifier => {
  let ts = 0;
  const next = () => `${(ts += 1)}.000000`;
  const incidentChannels = new Set<string>();
  const known: Partial<Notifier> = {
    post: async (channelId, message) => {
      // Inside an incident's own channel it is the incident's business, not a notification.
      if (!incidentChannels.has(channelId)) record('message', `#${channelId} ${describeMessage(message)}`);
      return next();
    },
    update: async ({ channelId }, message) => record('edit', `#${channelId} ${describeMessage(message)}`),
    sendDm: async (userId, message) => {
      if (message.kind === 'alert_page') record('page', `${userId}: ${message.page.subject}: ${message.page.summary}`);
      return { channelId: `D${userId}`, ts: next() };
    },
    createChannel: async (name: string) => {
      record('declare', `#${name}`);
      incidentChannels.add(`C${name}`);
      return { id: `C${name}`, name };
    },
    userGroupMembers: async () => [],
  };
  return new Proxy(known as Notifier, {
    get: (target, name: string) => (name in target ? target[name as keyof Notifier] : async () => undefined),
  });
};

/**
 * The bot's dependencies over an in-memory database, Slack recorded: what the alert intake uses, and
 * the incident side too (a policy's auto_declare declares there). Nobody is looked up in Slack.
 */
const replayDeps = ({ db, atomically }: { db: Db; atomically: UseCaseDeps['atomically'] }, config: IncidentConfig, clock: Clock, notifier: Notifier): UseCaseDeps => {
  let serial = 0;
  const newId = () => `replay-${(serial += 1)}`;
  return {
    ...createRepositories(db, newId),
    atomically,
    config: () => config,
    clock,
    notifier,
    settings: { channelNameTemplate: 'inc-{number}', botUserId: 'UREPLAYBOT' },
    log: pino({ level: 'silent' }),
    people: { names: async () => ({}), findByName: async () => undefined, remember: () => undefined },
    userGroups: { membersOf: () => undefined, changed: () => undefined },
    publicUrl: () => 'http://127.0.0.1',
    // A replay decides alerts only: it reads no SLO.
    slis: { read: () => Promise.reject(new SliUnavailable('a replay reads no SLO')) },
    backups: { take: () => Promise.reject(new Error('a replay takes no backups')), list: () => [], remove: () => undefined },
  };
};

/** Runs due jobs until none is left (jobs that jobs schedule included), in bounded rounds. */
const drain = async (scheduler: Scheduler) => {
  for (let round = 0; round < 1_000; round += 1) {
    const ran = await scheduler.tick();
    if (ran.ran + ran.failed === 0) return;
  }
};

/** Due jobs run at their own times, in order: the virtual clock moves a second at a time. */
const runUntil = async (scheduler: Scheduler, time: { now: number }, until: number) => {
  while (time.now < until) {
    await drain(scheduler);
    time.now = Math.min(until, time.now + 1_000);
  }
  await drain(scheduler);
};

/**
 * Replays recorded alerts through the same pipeline and configuration as the bot, on a virtual
 * clock and an in-memory database, and returns what would have been posted and paged.
 */
export const replayAlerts = async (
  config: IncidentConfig,
  lines: ReplayLine[],
  options: { speed?: number; origin?: number; onEvent?: (event: ReplayEvent) => void } = {},
) => {
  const database = openDatabase(':memory:');
  const start = options.origin ?? replayOrigin(lines);
  const time = { now: start };
  const events: ReplayEvent[] = [];
  const notifier = recordingNotifier((kind, text) => {
    const event = { atMs: time.now - start, kind, text };
    events.push(event);
    options.onEvent?.(event);
  });
  const clock = { now: () => time.now };
  const deps = replayDeps(database, config, clock, notifier);
  const scheduler = createScheduler({ jobs: deps.jobs, handlers: jobHandlers(deps), clock, logger: pino({ level: 'silent' }) });
  const sorted = [...lines].sort((a, b) => a.offsetMs - b.offsetMs);
  let received = 0;
  try {
    for (const line of sorted) {
      const arrival = start + line.offsetMs;
      if (options.speed && arrival > time.now) await new Promise((resolve) => setTimeout(resolve, (arrival - time.now) / options.speed!));
      await runUntil(scheduler, time, arrival);
      const parsed = parseAlertmanagerApi([line.alert], time.now);
      if (!parsed.ok) throw new Error(`offset ${line.offsetMs}: ${parsed.reason.replace(/^\[0\]\.?/, '')}`);
      receiveAlerts(deps, { sourceId: 'replay', alerts: parsed.alerts });
      received += 1;
    }
    // Let group_wait and the rest play out after the last alert.
    await runUntil(scheduler, time, time.now + Math.max(config.alerts.groupWaitMs, 60_000));
    return {
      received,
      alerts: deps.alerts.count(),
      messages: events.filter((event) => event.kind === 'message').length,
      pages: events.filter((event) => event.kind === 'page').length,
      events,
    };
  } finally {
    database.close();
  }
};

/**
 * Offset 0 on the virtual clock: recorded alerts carry absolute startsAt and endsAt, so the replay
 * starts at the earliest startsAt in the file (or now when none says).
 */
export const replayOrigin = (lines: readonly ReplayLine[]): number => {
  const starts = lines.flatMap((line) => {
    const startsAt = (line.alert as { startsAt?: unknown }).startsAt;
    const ms = typeof startsAt === 'string' ? Date.parse(startsAt) : Number.NaN;
    return Number.isNaN(ms) ? [] : [ms - line.offsetMs];
  });
  return starts.length > 0 ? Math.min(...starts) : Date.now();
};

const clockText = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `+${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

/** `npm run alerts:replay <file.jsonl> [--speed N]`; returns the exit code. */
export const replayCli = async (args: readonly string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> => {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const speed = option('--speed') === undefined ? undefined : Number(option('--speed'));
  const origin = option('--start') === undefined ? undefined : Date.parse(option('--start')!);
  const file = args.find((arg, index) => !arg.startsWith('--') && !['--speed', '--start'].includes(args[index - 1] ?? ''));
  if (!file || (speed !== undefined && !(speed > 0)) || (origin !== undefined && Number.isNaN(origin))) {
    out('usage: npm run alerts:replay <file.jsonl> [--speed N] [--start <ISO date-time of offset 0>]');
    out('  --speed N: N times real time (default: as fast as possible); --start: default the earliest startsAt in the file');
    return 2;
  }
  let config: IncidentConfig;
  try {
    config = loadIncidentConfig(env.CONFIG_PATH ?? './incident-bot.yml', { required: env.CONFIG_PATH !== undefined });
  } catch (error) {
    if (error instanceof ConfigError) {
      out(error.message);
      return 1;
    }
    throw error;
  }
  let lines: ReplayLine[];
  try {
    lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((text, index) => ({ text: text.trim(), number: index + 1 }))
      .filter((line) => line.text !== '')
      .map((line) => parseReplayLine(line.text, line.number));
  } catch (error) {
    out(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const result = await replayAlerts(config, lines, {
    ...(speed ? { speed } : {}),
    ...(origin !== undefined ? { origin } : {}),
    onEvent: (event) => {
      const verbs = { page: 'PAGE', message: 'POST', declare: 'DECLARE' } as const;
      if (event.kind !== 'edit') out(`${clockText(event.atMs)} ${verbs[event.kind]} ${event.text}`);
    },
  });
  out(
    `${result.received} alerts received (${result.alerts} distinct): ${result.messages} Slack messages and ${result.pages} pages would have been sent ` +
      `(${result.received > 0 ? (100 - ((result.messages + result.pages) / result.received) * 100).toFixed(1) : '0'}% fewer notifications than alerts). Nothing was sent to Slack.`,
  );
  return 0;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  process.exitCode = await replayCli(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`));
}
