import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDigest } from '../../src/app/communication/post-digest.js';
import { checkConfig } from '../../src/config/check-config.js';
import { defaultIncidentConfig } from '../../src/config/incident-config.js';
import { createJobRepository } from '../../src/storage/job-repository.js';
import { fixedClock, sequentialIds } from '../support/clock.js';
import { testDatabase } from '../support/test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'incident-bot-cron-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `npm run config:check` says of a file whose digest runs on `cron`. */
const checkAccepts = (cron: string): { accepted: boolean; message: string } => {
  const path = join(dir, 'incident-bot.yml');
  writeFileSync(path, `digest:\n  cron: ${JSON.stringify(cron)}\n  timezone: Europe/Berlin\n`);
  const lines: string[] = [];
  const code = checkConfig([path], {}, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { accepted: code === 0, message: lines.join('\n') };
};

/** Whether the running bot can put the digest job on the queue with that cron. */
const botSchedules = (cron: string): boolean => {
  const database = testDatabase();
  try {
    const jobs = createJobRepository(database.db, sequentialIds());
    const clock = fixedClock();
    planDigest({ clock, jobs, config: defaultIncidentConfig }, { cron, timezone: 'Europe/Berlin' })();
    return (jobs.pending('digest')?.dueAt ?? 0) > clock.now();
  } catch {
    return false;
  } finally {
    database.close();
  }
};

describe('config:check and the running bot agree on every cron expression', () => {
  it.each([
    ['0 9 * * 1-5', true],
    ['0 9 * * MON', true],
    ['0 9 * * mon', true],
    ['*/5 * * * *', true],
    ['30 7 1 JAN *', true],
    ['0 9 * * 7', true],
    // Accepted by node-cron (the old check), refused by the scheduler: the start-up crash of issue 9.
    ['0 9 * * monday', false],
    ['0 9 31 2 *', false],
    ['* * * * * * *', false],
    // Six fields (seconds) and shortened forms: refused, a digest is minute-grained.
    ['*/2 * * * * *', false],
    ['0 9 * *', false],
    ['@daily', false],
    ['60 * * * *', false],
    ['0 9 * * 8', false],
    ['nonsense', false],
    ['', false],
  ])('%j: accepted %s', (cron, expected) => {
    const check = checkAccepts(cron);
    expect(check.accepted).toBe(expected);
    expect(botSchedules(cron)).toBe(expected);
    if (!expected) expect(check.message).toContain('digest.cron: must be a cron expression');
  });

  it('names what is wrong with a weekday written out in full', () => {
    expect(checkAccepts('0 9 * * monday').message).toMatch(/digest\.cron: .*"0 9 \* \* MON".*"0 9 \* \* monday"/);
  });
});
