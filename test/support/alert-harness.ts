import { afterEach } from 'vitest';
import { startHarness, type Harness } from './bot-harness.js';
import type { FixedClock } from './clock.js';
import { addAlertWorkspace, alertsConfigYaml, alertTokens } from './alerts-config.js';

/**
 * For a test file of the alert pipeline: returns `start(clock, options)`, which runs the real bot with
 * the alerts configuration and workspace; each test's bot is closed after it.
 */
export const alertBotPerTest = (defaults: Parameters<typeof alertsConfigYaml>[0] = {}) => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (clock: FixedClock, options: Parameters<typeof alertsConfigYaml>[0] = {}): Promise<Harness> => {
    harness = await startHarness({ clock, configYaml: alertsConfigYaml({ ...defaults, ...options }), env: { ...alertTokens } });
    addAlertWorkspace(harness.slack);
    return harness;
  };
};
