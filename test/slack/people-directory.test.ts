import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createPeopleDirectory } from '../../src/slack/people-directory.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { fixedClock, type FixedClock } from '../support/clock.js';

let slack: FakeSlack;
let clock: FixedClock;
const logger = createLogger('silent');

beforeEach(async () => {
  slack = await startFakeSlack();
  clock = fixedClock();
});
afterEach(() => slack.close());

const directory = (options: { ttlMs?: number } = {}) =>
  createPeopleDirectory({ client: new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }), clock, logger, ...options });

describe('the people directory', () => {
  it('names people as Slack does (display name, else real name), asks once per person until the entry expires', async () => {
    const ann = slack.addUser({ name: 'ann', realName: 'Ann Lee', displayName: '' });
    const ben = slack.addUser({ name: 'ben', displayName: 'Benji' });
    const people = directory({ ttlMs: 60_000 });
    expect(await people.names([ann.id, ben.id, ben.id, 'U0NOSUCH1'])).toEqual({ [ann.id]: 'Ann Lee', [ben.id]: 'Benji' });
    expect(slack.callsTo('users.info')).toHaveLength(3);
    await people.names([ann.id, ben.id]);
    expect(slack.callsTo('users.info')).toHaveLength(3);
    clock.advance(60_000);
    ben.displayName = 'Ben';
    expect(await people.names([ben.id])).toEqual({ [ben.id]: 'Ben' });
    expect(slack.callsTo('users.info')).toHaveLength(4);
  });

  it('keeps the last known name when Slack cannot answer', async () => {
    const ann = slack.addUser({ name: 'ann', displayName: 'Annie' });
    const people = directory({ ttlMs: 1 });
    await people.names([ann.id]);
    clock.advance(10);
    slack.rateLimitNext('users.info', 30);
    expect(await people.names([ann.id])).toEqual({ [ann.id]: 'Annie' });
  });

  it('finds a typed @name by handle or display name, listing the workspace at most once a minute', async () => {
    const carol = slack.addUser({ name: 'carol', displayName: 'Caz' });
    const people = directory();
    expect(await people.findByName('carol')).toBe(carol.id);
    expect(await people.findByName('CAZ')).toBe(carol.id);
    expect(slack.callsTo('users.list')).toHaveLength(1);
    const dora = slack.addUser({ name: 'dora' });
    expect(await people.findByName('dora')).toBeUndefined();
    clock.advance(60_000);
    expect(await people.findByName('dora')).toBe(dora.id);
    expect(slack.callsTo('users.list')).toHaveLength(2);
  });

  it('refuses an ambiguous display name rather than guess', async () => {
    slack.addUser({ name: 'sam1', displayName: 'Sam' });
    slack.addUser({ name: 'sam2', displayName: 'Sam' });
    expect(await directory().findByName('sam')).toBeUndefined();
  });

  it('takes in a user_change without asking Slack', async () => {
    const ann = slack.addUser({ name: 'ann', displayName: 'Annie' });
    const people = directory();
    people.remember({ id: ann.id, handle: 'ann', displayName: 'Ann B.', deleted: false });
    expect(await people.names([ann.id])).toEqual({ [ann.id]: 'Ann B.' });
    expect(slack.callsTo('users.info')).toHaveLength(0);
  });
});
