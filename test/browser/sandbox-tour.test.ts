import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxPeople } from '../../src/sandbox/seed-workspace.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { launchChromium } from '../support/chromium.js';

/**
 * The README's sandbox tour, step by step, in a real browser: each step below quotes the README, and
 * does what it says the way a person would. When the bot changes, this fails before the README misleads.
 */
const artifacts = join(import.meta.dirname, '../../test-artifacts');
const person = (name: string) => sandboxPeople.find((candidate) => candidate.name === name)!;

describe('the README tour of the sandbox', () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    sandbox = await startSandbox({ env: { PORT: '0' }, logger: pino({ level: 'silent' }) });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const actAs = async (page: Page, name: string) => {
    await page.getByLabel('Acting as').selectOption(person(name).id);
    await page.waitForURL(new RegExp(`as=${person(name).id}`));
  };
  const openChannel = async (page: Page, name: RegExp | string) => {
    await page.locator('#channel-list').getByRole('link', { name }).click();
    await page.waitForURL(/c=/);
  };
  const type = async (page: Page, text: string) => {
    const box = page.getByRole('textbox', { name: /^Message / });
    await box.fill(text);
    await box.press('Enter');
  };

  it('walks the tour from start to end', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      // 1. "Open /sandbox. You are alice (support); the switch at the top lets you act as bob and carol
      //    (on call for Payments, a week each), dan (engineering manager) or erin (VP)."
      await page.goto(sandbox.url);
      expect(await page.getByLabel('Acting as').inputValue()).toBe(person('alice').id);
      const choices = await page.getByLabel('Acting as').locator('option').allInnerTexts();
      expect(choices.map((choice) => choice.split(' ')[0])).toEqual(['Alice', 'Bob', 'Carol', 'Dan', 'Erin']);
      expect(choices[0]).toContain('Support');

      // 2. "Type /incident declare Checkout is failing in #general, pick SEV1 and the Payments API service,
      //    submit. A new channel appears with the pinned card; #incidents has the announcement."
      await type(page, '/incident declare Checkout is failing');
      const declare = page.getByRole('dialog', { name: 'Declare an incident' });
      await declare.waitFor();
      await declare.getByLabel('Severity').selectOption('SEV1');
      await declare.getByLabel('Affected services').selectOption({ label: 'Payments API' });
      await declare.getByRole('button', { name: 'Declare' }).click();
      await declare.waitFor({ state: 'detached' });
      const incidentChannel = /inc-1-checkout-is-failing/;
      await page.locator('#channel-list').getByRole('link', { name: incidentChannel }).waitFor({ timeout: 10_000 });
      await openChannel(page, incidentChannel);
      const card = page.locator('article.pinned').filter({ hasText: 'INC-1: Checkout is failing' });
      await card.waitFor();
      expect(await card.innerText()).toContain('Payments API');
      await openChannel(page, '# incidents');
      await page.locator('article').filter({ hasText: 'INC-1' }).first().waitFor();

      // 3. "Type /incident oncall payments to see who is on call this week (bob or carol), and switch to
      //    them: the page is in their direct messages. Acknowledge it, or wait 5 minutes and watch it
      //    escalate to dan."
      await type(page, '/incident oncall payments');
      const answer = page.locator('article').filter({ hasText: 'payments-primary: now' }).last();
      await answer.waitFor();
      const onCall = /payments-primary: now @(bob|carol)/.exec(await answer.innerText())?.[1];
      expect(onCall).toBeDefined();
      await actAs(page, onCall!);
      const dms = page.getByRole('navigation', { name: 'Conversations' }).locator('h2:text("Direct messages") + ul a');
      await dms.first().waitFor();
      await dms.first().click();
      const paged = page.locator('article').filter({ hasText: 'Paged: INC-1 Checkout is failing' }).last();
      await paged.waitFor({ timeout: 10_000 });
      // Acknowledging rewrites the DM in place: follow it by its ts.
      const pageMessage = page.locator(`article[data-ts="${await paged.getAttribute('data-ts')}"]`);
      await pageMessage.getByRole('button', { name: 'Acknowledge' }).click();
      await expect.poll(() => pageMessage.innerText(), { timeout: 10_000 }).toMatch(/acknowledged/i);
      await openChannel(page, incidentChannel); // acknowledging invites them to the channel
      await expect.poll(() => page.locator('.messages').innerText(), { timeout: 10_000 }).toMatch(new RegExp(`@${onCall} acknowledged`));

      // 4. "As alice, Post update on the card with what changed and a customer message (or tick Use the
      //    status page template), and open /status; as erin, see #stakeholders and #executives for theirs."
      await actAs(page, 'alice');
      await openChannel(page, incidentChannel);
      await card.getByRole('button', { name: 'Post update' }).click();
      const update = page.getByRole('dialog', { name: 'Post update' });
      await update.waitFor();
      expect(await update.getByLabel(/Customer-facing message/).inputValue()).toBe('');
      await update.getByLabel('What changed').fill('Acquirer X is timing out; failing over to acquirer Y');
      await update.getByLabel(/Customer-facing message/).fill('Some card payments are failing. We are working on it.');
      await update.getByRole('button', { name: 'Post' }).click();
      await update.waitFor({ state: 'detached' });
      await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('failing over to acquirer Y');
      const statusPage = await context.newPage();
      await statusPage.goto(new URL('/status', sandbox.url).href);
      expect(await statusPage.locator('body').innerText()).toContain('Some card payments are failing. We are working on it.');
      await statusPage.screenshot({ path: join(artifacts, 'tour-status-page.png') });
      await statusPage.close();
      await actAs(page, 'erin');
      for (const channel of ['# stakeholders', '# executives']) {
        await openChannel(page, channel);
        await expect.poll(() => page.locator('.messages').innerText(), { timeout: 10_000 }).toContain('INC-1');
      }

      // 5. "Pin a message, react with :bulb: or :scales: (the ⋯ menu of a message), then Resolve on the card
      //    and confirm: the postmortem draft is uploaded to the channel."
      await actAs(page, 'alice');
      await openChannel(page, incidentChannel);
      await type(page, 'Failover to acquirer Y done, payments recovering');
      const said = page.locator('article').filter({ hasText: 'Failover to acquirer Y done' }).last();
      await said.waitFor();
      await said.getByLabel(/Actions for the message/).click();
      await said.getByRole('button', { name: 'Pin to channel' }).click();
      await expect.poll(() => said.getAttribute('aria-label')).toContain('pinned');
      await said.getByLabel(/Actions for the message/).click();
      await said.getByRole('button', { name: 'React with :bulb:' }).click();
      await said.getByRole('button', { name: /bulb: 1/ }).waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await card.getByRole('button', { name: 'Resolve' }).click();
      await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Resolved');
      const draft = page.locator('a.file').filter({ hasText: /postmortem/i });
      await draft.first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(artifacts, 'tour-resolved.png') });

      // 6. "/incident drill payments runs a practice incident whose timers run 60× faster."
      await type(page, '/incident drill payments');
      await expect.poll(() => page.locator('.messages').innerText(), { timeout: 10_000 }).toMatch(/Drill INC-2 started; its channel is on its way and its timers run 60× faster/);
      await expect.poll(() => page.locator('.messages').innerText(), { timeout: 10_000 }).toMatch(/INC-2 declared: #drill-2-\S+/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
