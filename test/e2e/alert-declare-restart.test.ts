import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, queryBotDatabase, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { startFakeSlack, type FakeSlack } from 'slack-emulator';
import { addAlertWorkspace, alertsConfigYaml, alertTeams, alertTokens } from '../support/alerts-config.js';
import { eventually } from '../support/eventually.js';

let slack: FakeSlack | undefined;
let dir: string | undefined;
const running: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop('SIGKILL')));
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const batch = [
  {
    labels: { alertname: 'PaymentAuthorizationFailureRate', service: 'payments', severity: 'critical', instance: 'pay-1' },
    annotations: { summary: 'Card authorisations failing' },
  },
];

describe('an incident declared from an alert, across a crash', () => {
  it('is declared once when the process is SIGKILLed right after accepting the alert and the batch is delivered again', async () => {
    slack = await startFakeSlack();
    addAlertWorkspace(slack);
    dir = mkdtempSync(join(tmpdir(), 'incident-bot-alert-declare-'));
    const env = { ...botEnv(slack, dir, 'alert-declare-restart-secret'), LOG_LEVEL: 'info', ...alertTokens };
    writeFileSync(env.CONFIG_PATH, alertsConfigYaml({ autoDeclare: { payments: '{ critical: SEV1 }' } }));
    const databasePath = env.DATABASE_PATH;
    const send = (url: string) =>
      fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alertTokens.PROMETHEUS_ALERTS_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });

    const first = startBotProcess(env);
    running.push(first);
    const accepted = await send(await first.started);
    expect(accepted.status).toBe(202);
    // Dies the moment the page decision (and the declaration with it) is on disk.
    await first.stop('SIGKILL');

    const second = startBotProcess(env);
    running.push(second);
    const url = await second.started;
    // Prometheus resends, and a proxy delivers the same batch twice at once.
    const again = await Promise.all([send(url), send(url)]);
    expect(again.map((response) => response.status)).toEqual([202, 202]);

    const channels = () => [...slack!.workspace.conversations.values()].filter((c) => c.kind === 'channel' && c.name.startsWith('inc-'));
    const card = await eventually(() => {
      const [channel] = channels();
      expect(channel).toBeDefined();
      const message = slack!.workspace.history(alertTeams.payments.channel).find((candidate) => JSON.stringify(candidate.blocks).includes(`<#${channel!.id}>`));
      expect(message).toBeDefined();
      return message!;
    }, 30_000);
    expect(JSON.stringify(card.blocks)).toContain('INC-1');
    expect(channels()).toHaveLength(1);
    expect(queryBotDatabase<{ n: number }>(databasePath, 'select count(*) as n from incidents')?.n).toBe(1);
    expect(queryBotDatabase<{ n: number }>(databasePath, "select count(*) as n from alert_groups where kind = 'critical'")?.n).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
