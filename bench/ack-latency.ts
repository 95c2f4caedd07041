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
import { incidentCommandAcks } from './incident-command-acks.js';
import { percentile, waitUntil } from './stats.js';

const commands = Number(process.argv[2] ?? 200);
const declarations = Number(process.argv[3] ?? 100);

const summary = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${name.padEnd(42)} n=${String(sorted.length).padStart(4)}  p50=${percentile(sorted, 50).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms  max=${sorted.at(-1)!.toFixed(1)} ms`;
};

const h = await startHarness({ config: { logLevel: 'warn' } });
try {
  const commandTimes = await incidentCommandAcks(h, commands);

  const submitTimes: number[] = [];
  const readyTimes: number[] = [];
  for (let i = 0; i < declarations; i += 1) {
    await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: '' });
    await waitUntil(() => h.slack.workspace.topModal(people.reporter) !== undefined);
    const view = h.slack.workspace.topModal(people.reporter)!;
    const declaredBefore = h.slack.workspace.ephemerals.filter((e) => e.text.includes('declared')).length;
    const started = performance.now();
    const result = await h.slack.submitView({ user: people.reporter, viewId: view.id, values: declareValues({ title: `Bench incident ${i}` }) });
    if (result.status !== 200) throw new Error(`submission answered ${result.status}`);
    submitTimes.push(result.elapsedMs);
    // Let the channel, card and announcement finish before the next one, so each sample is an ack alone.
    await waitUntil(() => h.slack.workspace.ephemerals.filter((e) => e.text.includes('declared')).length > declaredBefore);
    readyTimes.push(performance.now() - started);
  }

  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.log(summary('/incident (slash command)', commandTimes));
  console.log(summary('declare modal submission', submitTimes));
  console.log(summary('submit → channel+card+announcement ready', readyTimes));
} finally {
  await h.close();
}
