/**
 * How soon a SEV1 declare pages and gets a usable channel when every Slack Web API answer takes
 * `latency` ms (the emulator's injected latency): from the declare form's submission to the page DM,
 * the channel, the card posted and pinned, and the announcement, in ms and in round trips
 * (ms / latency). Declares run one after another, each measured alone. Targets (issue 9): the page
 * within 1 round trip, the channel usable (created, card posted) within 3.
 *
 *   npm run bench:declare              # 20 declares, 200 ms per answer
 *   npm run bench:declare -- 50 100
 */
import { announcementsChannel, startHarness } from '../test/support/bot-harness.js';
import { oncall, pagingConfigYaml } from '../test/support/paging-config.js';
import type { ApiCall } from 'slack-emulator';
import { memoryLine, submitDeclare, summary, waitUntil } from './support.js';

const declares = Number(process.argv[2] ?? 20);
const latencyMs = Number(process.argv[3] ?? 200);

const h = await startHarness({ configYaml: pagingConfigYaml(), config: { logLevel: 'warn' } });
const slack = h.rawSlack;
for (const [name, id] of Object.entries(oncall)) slack.addUser({ id, name });
const onCall = new Set<string>([oncall.primary, oncall.secondary]);

const steps = ['submission answered', 'page DM posted', 'channel created', 'card posted', 'card pinned', 'announcement posted', 'topic set', 'reporter told'] as const;
type Step = (typeof steps)[number];
const samples = new Map<Step, number[]>(steps.map((step) => [step, []]));

/** When each step happened, read from the calls the emulator carried out since the submission. */
const stepTimes = (calls: ApiCall[]): Partial<Record<Step, number>> => {
  const ok = calls.filter((call) => call.ok);
  const created = ok.find((call) => call.method === 'conversations.create');
  const channelId = (created?.response.channel as { id?: string } | undefined)?.id;
  const pin = ok.find((call) => call.method === 'pins.add' && call.args.channel === channelId);
  const posted = (where: (call: ApiCall) => boolean) => ok.find((call) => call.method === 'chat.postMessage' && where(call))?.at;
  return {
    'page DM posted': posted((call) => onCall.has(String(call.args.channel))),
    'channel created': created?.at,
    'card posted': pin ? posted((call) => call.response.ts === pin.args.timestamp && call.args.channel === channelId) : undefined,
    'card pinned': pin?.at,
    'announcement posted': posted((call) => call.args.channel === announcementsChannel),
    'topic set': ok.find((call) => call.method === 'conversations.setTopic' && call.args.channel === channelId)?.at,
    'reporter told': ok.find((call) => call.method === 'chat.postEphemeral' && String(call.args.text).includes('declared'))?.at,
  };
};

try {
  slack.faults.latencyMs = latencyMs;
  for (let i = 0; i < declares; i += 1) {
    const from = slack.calls.length;
    const { submittedAt: submitted, answeredAt } = await submitDeclare(slack, h.general, { title: `Payments down ${i}`, severity: 'SEV1', services: ['payments'] });
    samples.get('submission answered')!.push(answeredAt - submitted);
    let times: Partial<Record<Step, number>> = {};
    await waitUntil(() => {
      times = stepTimes(slack.calls.slice(from));
      return steps.slice(1).every((step) => times[step] !== undefined);
    }, 30_000, `declare ${i} to finish`);
    for (const step of steps.slice(1)) samples.get(step)!.push(times[step]! - submitted);
    // The rest (the "Paged …" line, checklist, similar incidents) settles before the next declare.
    await h.bot.idle();
  }

  console.log(`node ${process.version}, ${new Date().toISOString()}; ${declares} SEV1 declares paging a service, Slack answering in ${latencyMs} ms`);
  for (const step of steps) console.log(summary(`submit → ${step}`, samples.get(step)!, latencyMs));
  console.log(memoryLine());
} finally {
  await h.close();
}
