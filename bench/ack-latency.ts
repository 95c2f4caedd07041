/**
 * Acknowledgement latency of the two interactions with Slack's 3-second deadline, measured over HTTP
 * against the fake Slack: the `/incident` slash command (ack, then views.open) and the declare modal
 * submission (ack closes the modal; the channel, card and announcement follow), and how long
 * after the submission the whole incident (channel, topic, invites, pinned card, announcement,
 * checklist DM) is ready.
 *
 *   npm run bench:ack            # 200 commands, 100 declarations
 *   npm run bench:ack -- 500 200
 */
import { people, startHarness } from '../test/support/bot-harness.js';
import { declareValues } from '../test/support/incident-flows.js';
import { summary, waitUntil } from './support.js';

const commands = Number(process.argv[2] ?? 200);
const declarations = Number(process.argv[3] ?? 100);

const h = await startHarness({ config: { logLevel: 'warn' } });
// The raw fake Slack: each interaction returns with its answer, without waiting for the bot to settle.
const slack = h.rawSlack;
try {
  const commandTimes: number[] = [];
  for (let i = 0; i < commands; i += 1) {
    const result = await slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: `declare bench ${i}` });
    if (result.status !== 200) throw new Error(`command answered ${result.status}`);
    commandTimes.push(result.elapsedMs);
    await waitUntil(() => slack.workspace.topModal(people.reporter) !== undefined);
    slack.workspace.closeModal(people.reporter, true);
  }

  const submitTimes: number[] = [];
  const readyTimes: number[] = [];
  for (let i = 0; i < declarations; i += 1) {
    await slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: '' });
    await waitUntil(() => slack.workspace.topModal(people.reporter) !== undefined);
    const view = slack.workspace.topModal(people.reporter)!;
    const started = performance.now();
    const result = await slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title: `Bench incident ${i}` }) });
    if (result.status !== 200) throw new Error(`submission answered ${result.status}`);
    submitTimes.push(result.elapsedMs);
    // Every step (channel, topic, members, card, announcement, checklist, the reporter told) runs as a
    // job; the bot is idle once all are done, and the next declaration starts from there.
    await h.bot.idle();
    readyTimes.push(performance.now() - started);
  }

  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.log(summary('/incident (slash command)', commandTimes));
  console.log(summary('declare modal submission', submitTimes));
  console.log(summary('submit → every step done (bot idle)', readyTimes));
} finally {
  await h.close();
}
