import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../support/bot-harness.js';
import { botAgainst, queryBotDatabase, queryBotDatabaseAll, type BotProcess } from '../support/bot-process.js';
import { eventually } from '../support/eventually.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { declareValues, openModal } from '../support/incident-flows.js';
import { oncall, pagingConfigYaml } from '../support/paging-config.js';

let slack: FakeSlack;
let dir: string;
const running: BotProcess[] = [];
afterEach(async () => {
  for (const bot of running) bot.child.kill('SIGKILL');
  await Promise.all(running.map((bot) => bot.exited));
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

const signingSecret = 'kill-points-secret';
/** Each of the four kill points twice: the second time on a database that earlier kills left work in. */
const kills = 8;

/**
 * The process is SIGKILLed at chosen points, over and over on the same database, and started again:
 * right after a declare is answered (the incident row and its jobs), while a page DM is in flight,
 * while the level-2 escalation is paging, and right after a resolve is stored. Afterwards every SEV1
 * was paged once at every level (never skipped, never repeated), nobody was paged after a resolve,
 * every declare finished its channel and card, and the timeline lost nothing.
 */
describe('SIGKILL at chosen points, then restart', () => {
  it(`keeps every page and every declare across ${kills} kills on one database`, async () => {
    slack = await startFakeSlack();
    for (const [name, id] of Object.entries(people)) slack.addUser({ id, name });
    for (const [name, id] of Object.entries(oncall)) slack.addUser({ id, name });
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-kills-'));
    const configPath = join(dir, 'incident-bot.yml');
    writeFileSync(configPath, pagingConfigYaml({ after: '2s', repeat: 0 }));
    const { env, launch } = botAgainst(slack, dir, signingSecret, running);
    const databasePath = env.DATABASE_PATH;
    const kill = async (bot: BotProcess) => {
      bot.child.kill('SIGKILL');
      await bot.exited;
      slack.faults.clear();
    };
    const general = slack.workspace.channelByName('general')!.id;
    const isDm = (args: Record<string, unknown>) => /^[UD]/.test(String(args.channel));
    const incidentRow = (title: string) =>
      queryBotDatabase<{ id: string; number: number; channel_id: string | null; status: string }>(databasePath, `select id, number, channel_id, status from incidents where title = '${title}'`);
    /** Page DMs Slack accepted (as posted: a resolve later rewrites them), with the time each was posted. */
    const pagesFor = (number: number, user: string) =>
      slack
        .callsTo('chat.postMessage')
        .filter((call) => call.ok && call.response.channel === slack.workspace.dmWith(user).id && String(call.args.text).includes(`You are paged for INC-${number} `))
        .map((call) => ({ ts: String(call.response.ts) }));
    // Whoever of the two is on call: the weekly handoff may fall inside the run.
    const levelOnePages = (number: number) => [oncall.primary, oncall.secondary].flatMap((user) => pagesFor(number, user));
    const declare = async (title: string) => {
      await slack.runSlashCommand({ user: people.reporter, channel: general, command: '/incident', text: 'declare' });
      const view = await eventually(() => openModal({ slack }, people.reporter), 60_000);
      const submitted = await slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title, severity: 'SEV1', services: ['payments'] }) });
      expect(submitted.status).toBe(200);
    };
    const resolvedAt = new Map<number, number>();

    for (let life = 0; life < kills; life += 1) {
      const bot = await launch();
      const title = `Kill point ${life}`;
      const point = life % 4;
      if (point === 1) slack.faults.failWhen('chat.postMessage', isDm, 'hang');
      await declare(title);
      if (point === 1) {
        // The level-1 page DM is on its way when the process dies.
        await eventually(() => expect(slack.faults.hits).toBeGreaterThan(0), 60_000);
      } else if (point === 2) {
        // Level 1 went out; the level-2 page is in flight when the process dies.
        await eventually(() => expect(incidentRow(title)).toBeDefined(), 60_000);
        const { number } = incidentRow(title)!;
        await eventually(() => expect(levelOnePages(number).length).toBeGreaterThan(0), 60_000);
        slack.faults.failWhen('chat.postMessage', (args) => args.channel === oncall.manager, 'hang');
        await eventually(() => expect(slack.faults.hits).toBeGreaterThan(0), 60_000);
      } else if (point === 3) {
        // Resolved right after its first page: the kill comes the moment the resolve is stored.
        await eventually(() => expect(incidentRow(title)?.channel_id).toBeTruthy(), 60_000);
        const { number, channel_id: channel } = incidentRow(title)!;
        await eventually(() => expect(slack.workspace.conversation(channel!)?.members.has(people.reporter)).toBe(true), 60_000);
        await eventually(() => expect(levelOnePages(number).length).toBeGreaterThan(0), 60_000);
        await slack.runSlashCommand({ user: people.reporter, channel: channel!, command: '/incident', text: 'resolve' });
        await eventually(() => expect(incidentRow(title)?.status).toBe('resolved'), 60_000);
        resolvedAt.set(number, Date.now());
      }
      // point 0: killed as soon as the declare was answered.
      await kill(bot);
    }

    // One last life, with no trouble: everything left over resumes.
    await launch();
    const incidents = () => queryBotDatabaseAll<{ id: string; number: number; channel_id: string | null; card_ts: string | null; status: string; resolved_at: number | null }>(databasePath, 'select id, number, channel_id, card_ts, status, resolved_at from incidents order by number');
    expect(incidents()).toHaveLength(kills);
    const unfinished = () =>
      queryBotDatabase<{ count: number }>(databasePath, "select count(*) as count from jobs where status in ('pending', 'running') and kind not in ('update_due', 'update_overdue', 'commander_missing', 'postmortem_due', 'digest', 'housekeeping')")!.count;
    await eventually(() => expect(unfinished()).toBe(0), 60_000);

    for (const incident of incidents()) {
      const inc = `INC-${incident.number}`;
      expect(incident.channel_id, `${inc} got its channel`).not.toBeNull();
      expect(incident.card_ts, `${inc} got its card`).not.toBeNull();
      const levelOne = levelOnePages(incident.number);
      const levelTwo = pagesFor(incident.number, oncall.manager);
      expect(levelOne.length, `${inc} level 1 paged once`).toBe(1);
      const kinds = queryBotDatabaseAll<{ kind: string }>(databasePath, `select kind from timeline_entries where incident_id = '${incident.id}'`).map((row) => row.kind);
      expect(kinds, `${inc} timeline`).toContain('declared');
      expect(kinds).toContain('paged');
      if (incident.status === 'resolved') {
        const after = [...levelOne, ...levelTwo].filter((message) => Number(message.ts) * 1000 > incident.resolved_at!);
        expect(after, `${inc}: no page after its resolve`).toEqual([]);
        expect(kinds).toContain('status_changed');
      } else {
        expect(levelTwo.length, `${inc} level 2 paged once`).toBe(1);
        const escalation = queryBotDatabase<{ status: string }>(databasePath, `select status from escalations where incident_id = '${incident.id}'`);
        expect(escalation?.status, `${inc} escalation ran its course`).toBe('exhausted');
      }
    }
    expect(resolvedAt.size).toBe(kills / 4);
  }, 300_000);
});
