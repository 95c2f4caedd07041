import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/bot-harness.js';
import { botAgainst, queryBotDatabase, type BotProcess } from '../support/bot-process.js';
import { eventually } from '../support/eventually.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { declareValues, openModal } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let slack: FakeSlack;
let dir: string;
const running: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(running.map((bot) => bot.stop('SIGKILL')));
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

const signingSecret = 'restart-test-secret';

const pendingEscalations = (databasePath: string): number =>
  queryBotDatabase<{ count: number }>(databasePath, "select count(*) as count from jobs where kind = 'escalate' and status = 'pending'")?.count ?? 0;

const unsettledPaging = (databasePath: string): number =>
  queryBotDatabase<{ count: number }>(databasePath, "select count(*) as count from jobs where kind in ('escalate', 'send_page') and status in ('pending', 'running')")?.count ?? 0;

const sentPages = (databasePath: string): number =>
  queryBotDatabase<{ count: number }>(databasePath, "select count(*) as count from jobs where kind = 'send_page' and status = 'done'")?.count ?? 0;

describe('the durable scheduler across a crash', () => {
  it('fires an escalation exactly once when the process is SIGKILLed between the first page and the escalation', async () => {
    slack = await startFakeSlack();
    for (const [name, id] of Object.entries(people)) slack.addUser({ id, name });
    for (const [name, id] of Object.entries(oncall)) slack.addUser({ id, name });
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-restart-'));
    const configPath = join(dir, 'incident-bot.yml');
    writeFileSync(configPath, pagingConfigYaml({ after: '3s', repeat: 0 }));
    const { env, launch } = botAgainst(slack, dir, signingSecret, running);
    const pagesTo = (user: string) =>
      slack.workspace.history(slack.workspace.dmWith(user).id).filter((message) => message.text.includes('You are paged'));

    const first = await launch();
    const general = slack.workspace.channelByName('general')!.id;
    await slack.runSlashCommand({ user: people.reporter, channel: general, command: '/incident', text: 'declare Payments down' });
    const view = await eventually(() => openModal({ slack }, people.reporter), 60_000);
    await slack.submitView({
      user: people.reporter,
      viewId: view.id,
      values: declareValues({ title: 'Payments down', severity: 'SEV1', services: ['payments'] }),
    });
    await eventually(() => expect(pagesTo(oncall.primary).length + pagesTo(oncall.secondary).length).toBe(1), 60_000);
    // Kill once the page is recorded as sent (a kill before that may repeat it once: see kill-points.test.ts).
    await eventually(() => expect(pendingEscalations(env.DATABASE_PATH)).toBe(1), 60_000);
    await eventually(() => expect(sentPages(env.DATABASE_PATH)).toBe(1), 60_000);

    await first.stop('SIGKILL');
    expect(pagesTo(oncall.manager)).toHaveLength(0);
    // The escalation falls due while nobody is running.
    const dueAt = queryBotDatabase<{ due_at: number }>(env.DATABASE_PATH, "select due_at from jobs where kind = 'escalate' and status = 'pending'")!.due_at;
    await eventually(() => expect(Date.now()).toBeGreaterThan(dueAt + 200), 60_000);

    const second = await launch();
    await eventually(() => expect(pagesTo(oncall.manager)).toHaveLength(1), 60_000);
    // Nothing is left that could fire it again: no page or escalation waits or runs, the chain ran its course.
    await eventually(() => expect(unsettledPaging(env.DATABASE_PATH)).toBe(0), 60_000);
    expect(queryBotDatabase<{ status: string }>(env.DATABASE_PATH, 'select status from escalations')?.status).toBe('exhausted');
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(pagesTo(oncall.manager)).toHaveLength(1);
    expect(pagesTo(oncall.primary).length + pagesTo(oncall.secondary).length).toBe(1);
  }, 120_000);
});
