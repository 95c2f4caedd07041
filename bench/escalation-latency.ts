/**
 * 100 SEV1 incidents whose escalation reaches level 2 at the same moment, while Slack misbehaves:
 * every `chat.update` hangs (never answered) and a card refresh of every incident falls due at that
 * moment too, so the general job slots are all held by hung cosmetic calls; and the first page DM
 * of the burst hangs as well. The bot's Web API timeout is `timeout` ms and its scheduler polls every
 * 2 s, as in production. Reports, for each level-2 page, the delay from its due time to the DM being
 * posted. Target (issue 9): all within seconds; a hung call delays a page by at most the timeout.
 *
 * The clock is frozen while the incidents are declared (so all their level-2 steps fall due at one
 * instant), then runs at real speed from a few seconds before that instant.
 *
 *   npm run bench:escalations                 # 100 incidents, Slack answering at once, 2 s timeout
 *   npm run bench:escalations -- 100 200 2000 # incidents, ms per Slack answer, bot's Slack timeout
 */
import { performance } from 'node:perf_hooks';
import { effect } from '../src/app/effects/effect-jobs.js';
import { startHarness } from '../test/support/bot-harness.js';
import { oncall, pagingConfigYaml } from '../test/support/paging-config.js';
import { memoryLine, submitDeclare, summary, waitUntil } from './support.js';

const incidentCount = Number(process.argv[2] ?? 100);
const latencyMs = Number(process.argv[3] ?? 0);
const timeoutMs = Number(process.argv[4] ?? 2_000);
const levelWaitMs = 30_000;
/** How long before the due instant the clock starts running, so the scheduler's poll meets it at a random phase. */
const leadMs = 3_000;

const declaredAt = Date.UTC(2026, 10, 26, 9);
let offset: number | undefined;
const clock = { now: () => (offset === undefined ? declaredAt : Date.now() + offset) };

const h = await startHarness({
  configYaml: pagingConfigYaml({ after: '30s' }),
  clock,
  tickEveryMs: 2_000,
  slackTimeout: { timeoutMs },
  config: { logLevel: 'warn' },
});
const slack = h.rawSlack;
for (const [name, id] of Object.entries(oncall)) slack.addUser({ id, name });
const pagesTo = (userId: string) => slack.calls.filter((call) => call.ok && call.method === 'chat.postMessage' && call.args.channel === userId);

try {
  for (let i = 0; i < incidentCount; i += 1) await submitDeclare(slack, h.general, { title: `Payments down ${i}`, severity: 'SEV1', services: ['payments'] });
  await h.bot.idle();
  const levelOnePages = pagesTo(oncall.primary).length + pagesTo(oncall.secondary).length;
  if (levelOnePages !== incidentCount) throw new Error(`expected ${incidentCount} level-1 pages, saw ${levelOnePages}`);

  const dueAt = declaredAt + levelWaitMs;
  const incidents = h.bot.deps.incidents.listOpen();
  for (const incident of incidents) h.bot.deps.jobs.schedule({ ...effect.refresh(incident.id), dueAt }, clock.now());
  slack.faults.setRate({ rate: 1, faults: ['hang'], methods: ['chat.update'] });
  slack.failNext('chat.postMessage', 'hang');
  slack.faults.latencyMs = latencyMs;

  const from = slack.calls.length;
  const dueAtReal = performance.now() + leadMs;
  offset = dueAt - (Date.now() + leadMs);
  await waitUntil(() => pagesTo(oncall.manager).length >= incidentCount, 120_000, 'every level-2 page');
  const delays = pagesTo(oncall.manager).map((call) => call.at - dueAtReal);
  const updates = slack.calls.slice(from).filter((call) => call.method === 'chat.update').length;

  console.log(
    `node ${process.version}, ${new Date().toISOString()}; ${incidentCount} incidents escalating to level 2 at once, Slack answering in ${latencyMs} ms, ` +
      `bot's Slack timeout ${timeoutMs} ms, every chat.update hanging (${incidents.length} card refreshes due at the same moment) and the first page DM hanging`,
  );
  console.log(summary('due → level-2 page DM posted', delays));
  console.log(`chat.update calls answered meanwhile: ${updates} (all hang)`);
  console.log(memoryLine());
} finally {
  slack.faults.setRate(undefined);
  await h.close();
}
