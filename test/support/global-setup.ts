import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBot } from './bot-build.js';
import { builtBotVariable, recordedProcessGroups, registryVariable, runVariable, survivors } from './started-processes.js';

/**
 * Before the whole suite: the bot is compiled once for the tests that start it as a process.
 * After the whole suite: no process it started may still run. Survivors are killed, so the machine
 * is left clean either way, and named in an error, which fails `npm test`.
 */
export default async function setup() {
  const run = randomUUID();
  // Built before the run is marked, so esbuild's own helper process is not counted as the suite's.
  const built = await buildBot(run);
  process.env[builtBotVariable] = built.main;
  const directory = mkdtempSync(join(tmpdir(), 'incident-bot-test-processes-'));
  process.env[registryVariable] = directory;
  process.env[runVariable] = run;

  return async () => {
    built.remove();
    const groups = recordedProcessGroups(directory);
    const marker = `${runVariable}=${run}`;
    // A process killed in a test's last afterEach may take a moment to go.
    let left = survivors(groups, marker);
    for (let waited = 0; left.length > 0 && waited < 5_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = survivors(groups, marker);
    }
    rmSync(directory, { recursive: true, force: true });
    if (left.length === 0) return;
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    // Vitest reports an error thrown here but would still exit with 0.
    process.exitCode = 1;
    throw new Error(`processes started by the test suite were still running after it (now killed):\n${left.map(({ pid, command }) => `  ${pid} ${command}`).join('\n')}`);
  };
}
