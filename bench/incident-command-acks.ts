import { people, type Harness } from '../test/support/bot-harness.js';
import { waitUntil } from './support.js';

/**
 * `n` `/incident declare …` commands one after another: each is acknowledged and opens the declare
 * modal, which is closed before the next. Returns each acknowledgement's time.
 */
export const incidentCommandAcks = async (h: Harness, n: number): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const result = await h.slack.runSlashCommand({ user: people.reporter, channel: h.general, command: '/incident', text: `declare bench ${i}` });
    if (result.status !== 200) throw new Error(`command answered ${result.status}`);
    samples.push(result.elapsedMs);
    await waitUntil(() => h.slack.workspace.topModal(people.reporter) !== undefined, 20_000);
    h.slack.workspace.closeModal(people.reporter, true);
  }
  return samples;
};
