import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createLifecycle, type Started } from '../src/process-lifecycle.js';
import { eventually } from './support/eventually.js';

/** A process stand-in whose events the test emits, with every log line parsed back from JSON. */
const setUp = (options: { startUpWaitMs?: number } = {}) => {
  const events = new EventEmitter();
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const exits: number[] = [];
  const lifecycle = createLifecycle({
    events,
    logger: createLogger('info', sink),
    exit: (code) => exits.push(code),
    ...options,
  });
  return { events, lines, exits, lifecycle };
};

const bot = () => {
  const calls: string[] = [];
  const started: Started = {
    config: { reload: () => calls.push('reload') },
    stop: async () => {
      calls.push('stop');
    },
  };
  return { calls, started };
};

describe('process lifecycle', () => {
  it('logs an unhandled rejection as one structured line and keeps running', async () => {
    const { events, lines, exits, lifecycle } = setUp();
    await lifecycle.start(async () => bot().started);
    events.emit('unhandledRejection', new Error('nobody awaited me'));
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: 'unhandled promise rejection', err: { message: 'nobody awaited me', type: 'Error' } });
    expect(exits).toEqual([]);
  });

  it('logs an uncaught exception as one structured line, stops the bot and exits 1', async () => {
    const { events, lines, exits, lifecycle } = setUp();
    const { calls, started } = bot();
    await lifecycle.start(async () => started);
    events.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 'type')"));
    await eventually(() => expect(exits).toEqual([1]));
    expect(calls).toEqual(['stop']);
    expect(lines.find((line) => line.msg === 'uncaught exception; stopping')).toMatchObject({ level: 60, err: { type: 'TypeError' } });
  });

  it('a SIGTERM during start-up stops the bot once start-up finishes, then exits 0', async () => {
    const { events, exits, lifecycle } = setUp();
    const { calls, started } = bot();
    let finish: (bot: Started) => void = () => undefined;
    void lifecycle.start(() => new Promise<Started>((resolve) => (finish = resolve)));
    events.emit('SIGTERM');
    expect(exits).toEqual([]);
    finish(started);
    await eventually(() => expect(exits).toEqual([0]));
    expect(calls).toEqual(['stop']);
  });

  it('a SIGTERM during a start-up that then fails exits 0 and does not report the failure', async () => {
    const { events, exits, lifecycle } = setUp();
    let fail: (error: Error) => void = () => undefined;
    let settled = false;
    void lifecycle.start(() => new Promise<Started>((_resolve, reject) => (fail = reject))).finally(() => (settled = true));
    events.emit('SIGTERM');
    fail(new Error('Slack went away'));
    await eventually(() => expect(exits).toEqual([0]));
    expect(settled).toBe(false);
  });

  it('a SIGHUP during start-up reloads once started', async () => {
    const { events, lifecycle } = setUp();
    const { calls, started } = bot();
    let finish: (bot: Started) => void = () => undefined;
    const starting = lifecycle.start(() => new Promise<Started>((resolve) => (finish = resolve)));
    events.emit('SIGHUP');
    expect(calls).toEqual([]);
    finish(started);
    await starting;
    expect(calls).toEqual(['reload']);
    events.emit('SIGHUP');
    expect(calls).toEqual(['reload', 'reload']);
  });

  it('a second SIGINT while stopping exits at once', async () => {
    const { events, exits, lifecycle } = setUp();
    const started: Started = { config: { reload: () => undefined }, stop: () => new Promise<void>(() => undefined) };
    await lifecycle.start(async () => started);
    events.emit('SIGINT');
    expect(exits).toEqual([]);
    events.emit('SIGINT');
    expect(exits).toEqual([1]);
  });
});
