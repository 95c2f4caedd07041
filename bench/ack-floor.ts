/**
 * `/incident` acknowledgement latency of the bot against its floor, in one sitting: a bare Bolt app
 * (same HTTP receiver, no listeners but one) that acks `/incident` and then makes the one Slack call
 * the bot makes for it (views.open with a modal), and the bot itself. Both run against the Slack
 * emulator answering every Web API call after 100 ms, at 50/s and 200/s offered (open loop: commands
 * leave on schedule) and at saturation (32 commands always in flight for 5 s).
 *
 *   npm run bench:floor                # 400 commands per offered rate
 *   npm run bench:floor -- 1000
 *
 * CPU per command is the whole process's (app + emulator + load), so only the difference between
 * the two rows is the app's.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import bolt from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { people, signingSecret, startHarness } from '../test/support/bot-harness.js';
import { median, ms, percentile } from './stats.js';

const perRate = Number(process.argv[2] ?? 400);
const apiLatencyMs = 100;

interface Target {
  name: string;
  slack: FakeSlack;
  general: string;
  close(): Promise<void>;
}

const bareBolt = async (): Promise<Target> => {
  const slack = await startFakeSlack({ apiLatencyMs });
  slack.addUser({ id: people.reporter, name: 'alice' });
  const identity = slack.workspace.bot;
  const app = new bolt.App({
    token: slack.botToken,
    signingSecret,
    clientOptions: { slackApiUrl: slack.apiUrl },
    botId: identity.botId,
    botUserId: identity.userId,
    tokenVerificationEnabled: false,
    logLevel: bolt.LogLevel.ERROR,
  });
  app.command('/incident', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { type: 'modal', callback_id: 'floor', title: { type: 'plain_text', text: 'Declare an incident' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'floor' } }] },
    });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  slack.configureApp({ requestUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret });
  return { name: 'bare Bolt + views.open', slack, general: slack.workspace.channelByName('general')!.id, close: async () => { await app.stop(); await slack.close(); } };
};

const theBot = async (): Promise<Target> => {
  const h = await startHarness({ slack: { apiLatencyMs } });
  return { name: 'the bot', slack: h.slack, general: h.general, close: h.close };
};

const command = async (target: Target, samples: number[]) => {
  const result = await target.slack.runSlashCommand({ user: people.reporter, channel: target.general, command: '/incident', text: '' });
  if (result.status !== 200) throw new Error(`${target.name} answered ${result.status}`);
  samples.push(result.elapsedMs);
};

const offered = async (target: Target, rate: number, count: number) => {
  const samples: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(command(target, samples));
  }
  await Promise.all(pending);
  return samples;
};

const saturated = async (target: Target) => {
  const samples: number[] = [];
  const until = performance.now() + 5_000;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (performance.now() < until) await command(target, samples);
  }));
  return samples;
};

const line = (name: string, load: string, samples: number[], cpuMicros: number, seconds?: number) =>
  `  ${name.padEnd(24)} ${load.padEnd(11)} n=${String(samples.length).padStart(5)}${seconds ? ` (${(samples.length / seconds).toFixed(0)}/s)` : ''}  p50 ${ms(median(samples))}  p99 ${ms(percentile(samples, 99))}  max ${ms(Math.max(...samples))}  CPU ${(cpuMicros / samples.length / 1000).toFixed(2)} ms/command`;

console.log(`node ${process.version}, ${new Date().toISOString()}; Slack answers after ${apiLatencyMs} ms`);
const results: Record<string, Record<string, number>> = {};
for (const start of [bareBolt, theBot]) {
  const target = await start();
  try {
    await offered(target, 50, 50);
    results[target.name] = {};
    for (const rate of [50, 200] as const) {
      const cpu = process.cpuUsage();
      const samples = await offered(target, rate, perRate);
      const used = process.cpuUsage(cpu);
      console.log(line(target.name, `${rate}/s`, samples, used.user + used.system));
      results[target.name]![`${rate}`] = percentile(samples, 99);
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    const samples = await saturated(target);
    const used = process.cpuUsage(cpu);
    console.log(line(target.name, 'saturation', samples, used.user + used.system, (performance.now() - started) / 1000));
  } finally {
    await target.close();
  }
}
for (const rate of ['50', '200']) {
  console.log(`  ack p99 at ${rate}/s: the bot / the floor = ${(results['the bot']![rate]! / results['bare Bolt + views.open']![rate]!).toFixed(2)}`);
}
// Requests still queued at saturation (their trigger ids long expired) keep sockets open after both
// apps stopped; the figures are out, so end here rather than wait for them to time out.
process.exit(0);
