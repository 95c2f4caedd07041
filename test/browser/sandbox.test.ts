import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { sandboxChannels } from '../../src/sandbox/seed-workspace.js';
import { buildView } from 'slack-emulator';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.js';

/**
 * The sandbox in a real browser (Chromium, driven by playwright-core; see test/support/chromium.ts), used the way a person
 * would: declare an incident from the message box, assign a role and resolve from the pinned card, and
 * read the announcement. Screenshots land in test-artifacts/ for a person to look at.
 */
const artifacts = join(import.meta.dirname, '../../test-artifacts');

describe('the sandbox in Chromium', () => {
  let sandbox: RunningSandbox;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // PORT 0: any free port, so this file can run beside others that start a sandbox.
    sandbox = await startSandbox({ env: { PORT: '0' }, logger: pino({ level: 'silent' }) });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });


  const collectErrors = (page: Page): string[] => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return errors;
  };

  it('declare from the message box, assign a role and resolve from the card, see the announcement resolved', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${sandbox.url}?as=U0SBALICE1`);
      await expect.poll(() => page.getByLabel('Acting as').inputValue()).toBe('U0SBALICE1');

      // The message box runs the slash command; the bot answers with the declare modal.
      const box = page.getByRole('textbox', { name: 'Message #general' });
      await box.fill('/incident declare Checkout is failing');
      await box.press('Enter');
      const declare = page.getByRole('dialog', { name: 'Declare an incident' });
      await declare.waitFor();
      expect(await declare.getByLabel('Title').inputValue()).toBe('Checkout is failing');
      await declare.getByLabel('Severity').selectOption('SEV2');
      await declare.getByLabel('Affected services').selectOption(['checkout', 'payments']);
      await declare.getByLabel('Customer impact').fill('Card payments fail at checkout for some EU customers');
      await page.screenshot({ path: join(artifacts, 'sandbox-declare-modal.png') });
      await declare.getByRole('button', { name: 'Declare' }).click();
      await declare.waitFor({ state: 'detached' });

      // The new channel shows up in the sidebar without a reload.
      const channelLink = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: /inc-1-checkout-is-failing/ });
      await channelLink.waitFor({ timeout: 10_000 });
      await channelLink.click();
      await page.waitForURL(/c=C/);
      const card = page.locator('article.pinned').filter({ hasText: 'INC-1: Checkout is failing' });
      await card.waitFor();
      await expect.poll(() => card.innerText()).toContain('Investigating');
      expect(await card.innerText()).toContain('Pinned');
      expect(await card.innerText()).toContain('SEV2');
      await page.screenshot({ path: join(artifacts, 'sandbox-incident-channel.png') });

      // Assign role: Scribe → carol.
      await card.getByRole('button', { name: 'Assign role' }).click();
      const roleModal = page.getByRole('dialog', { name: 'Assign role' });
      await roleModal.waitFor();
      await roleModal.getByLabel('Role', { exact: true }).selectOption({ label: 'Scribe' });
      await roleModal.getByLabel('Person').selectOption({ label: 'Carol Oncall (@carol)' });
      await roleModal.getByRole('button', { name: 'Assign' }).click();
      await roleModal.waitFor({ state: 'detached' });
      await expect.poll(() => card.locator('.b-field').filter({ hasText: 'Scribe' }).innerText(), { timeout: 10_000 }).toContain('@carol');

      // Resolve: the card says so and its buttons change.
      // Resolve asks first (Slack's confirm dialog, the browser's confirm() here).
      page.once('dialog', (dialog) => void dialog.accept());
      await card.getByRole('button', { name: 'Resolve' }).click();
      await expect.poll(() => card.locator('.b-field').filter({ hasText: 'Status' }).innerText(), { timeout: 10_000 }).toContain('Resolved');
      expect(await card.getByRole('button', { name: 'Resolve' }).count()).toBe(0);

      // The announcement in #incidents follows.
      await page.getByRole('link', { name: '# incidents' }).click();
      await page.waitForURL(/c=C0SBINCIDS/);
      const announcement = page.locator('article').filter({ hasText: 'INC-1' }).first();
      await expect.poll(() => announcement.innerText(), { timeout: 10_000 }).toContain('Resolved');
      await page.screenshot({ path: join(artifacts, 'sandbox-announcement-resolved.png') });

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('on a phone: the sidebar opens from the header, nothing scrolls sideways', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${sandbox.url}?as=U0SBBOB001&c=C0SBINCIDS`);
      await page.getByRole('textbox', { name: 'Message #incidents' }).waitFor();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.getByRole('button', { name: 'Show channels' }).tap();
      await page.getByRole('link', { name: '# general' }).waitFor({ state: 'visible' });
      // The sidebar slides in; wait until it has arrived at the left edge.
      await expect.poll(async () => (await page.locator('#sidebar').boundingBox())?.x).toBe(0);
      await page.screenshot({ path: join(artifacts, 'sandbox-phone-sidebar.png') });

      // The App Home: opening it asks the bot to publish it.
      await page.getByRole('link', { name: 'incident-bot · Home' }).tap();
      await page.waitForURL(/c=home/);
      await page.getByRole('button', { name: 'Declare incident' }).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(artifacts, 'sandbox-phone-home.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('draws every kind of block and modal field, and submits what the person chose', async () => {
    const ws = sandbox.slack.workspace;
    const erin = 'U0SBERIN01';
    const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
    const options = ['SEV1', 'SEV2', 'SEV3'].map((value) => ({ text: plain(value), value }));
    ws.addMessage(sandboxChannels.executives, {
      user: ws.bot.userId,
      botId: ws.bot.botId,
      text: 'Every block',
      blocks: [
        { type: 'header', text: plain(':rotating_light: Every block') },
        { type: 'section', text: { type: 'mrkdwn', text: '*Bold*, _italic_, ~strike~, `code`, <https://example.com|a link>, <@U0SBALICE1>, <#C0SBINCIDS>, <!here>' }, accessory: { type: 'button', text: plain('Accessory'), action_id: 'acc' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Field one*\nvalue' }, { type: 'mrkdwn', text: '*Field two*\n<!date^1773136800^{date_short} {time}|fallback>' }], accessory: { type: 'overflow', action_id: 'ovf', options } },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Context with :eyes:' }, { type: 'plain_text', text: 'and plain' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: plain('Primary'), action_id: 'p', style: 'primary' },
            { type: 'button', text: plain('Danger'), action_id: 'd', style: 'danger' },
            { type: 'static_select', action_id: 'sel', placeholder: plain('Pick a severity'), options },
            { type: 'users_select', action_id: 'usr', placeholder: plain('Pick a person') },
            { type: 'datepicker', action_id: 'date', initial_date: '2026-03-10' },
          ],
        },
        { type: 'image', image_url: 'https://example.com/graph.png', alt_text: 'error rate graph', title: plain('Error rate') },
        { type: 'rich_text', elements: [{ type: 'rich_text_list', style: 'bullet', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'a bullet' }] }] }, { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'preformatted' }] }] },
        { type: 'video', title: plain('A video block') },
      ],
    });
    const input = (id: string, label: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'input', block_id: id, label: plain(label), element: { action_id: id, ...element }, ...extra });
    const view = buildView(
      ws,
      {
        type: 'modal',
        callback_id: 'kitchen_sink',
        title: plain('Every field'),
        submit: plain('Save'),
        close: plain('Cancel'),
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Fill in *everything*.' } },
          input('line', 'One line', { type: 'plain_text_input', initial_value: 'prefilled' }),
          input('lines', 'Several lines', { type: 'plain_text_input', multiline: true }, { optional: true }),
          input('one', 'Static select', { type: 'static_select', options }),
          input('many', 'Multi static select', { type: 'multi_static_select', options }, { optional: true }),
          input('who', 'Users select', { type: 'users_select', initial_user: 'U0SBALICE1' }),
          input('whom', 'Multi users select', { type: 'multi_users_select' }, { optional: true }),
          input('where', 'Conversations select', { type: 'conversations_select' }, { optional: true }),
          input('channel', 'Channels select', { type: 'channels_select' }, { optional: true }),
          input('boxes', 'Checkboxes', { type: 'checkboxes', options }, { optional: true }),
          input('radio', 'Radio buttons', { type: 'radio_buttons', options }, { optional: true }),
          input('day', 'Datepicker', { type: 'datepicker', initial_date: '2026-03-10' }),
          input('when', 'Datetimepicker', { type: 'datetimepicker', initial_date_time: 1773136800 }, { optional: true }),
        ],
      },
      erin,
    );
    ws.views.set(view.id, view);
    ws.pushModal(view);

    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      let submitted: unknown;
      await page.route('**/sandbox/api/submit', async (route) => {
        submitted = route.request().postDataJSON();
        await route.fulfill({ json: { ok: true, version: 0, openView: view.id } });
      });
      await page.goto(`${sandbox.url}?as=${erin}&c=${sandboxChannels.executives}`);
      const modal = page.getByRole('dialog', { name: 'Every field' });
      await modal.waitFor();
      await page.screenshot({ path: join(artifacts, 'sandbox-every-field.png') });
      await modal.getByLabel('Several lines').fill('first\nsecond');
      await modal.getByLabel('Static select', { exact: true }).selectOption('SEV1');
      await modal.getByLabel('Multi static select').selectOption(['SEV2', 'SEV3']);
      await modal.getByLabel('Multi users select').selectOption(['U0SBBOB001', 'U0SBCAROL1']);
      await modal.getByLabel('Conversations select').selectOption({ label: '#incidents' });
      await modal.getByRole('group', { name: 'Checkboxes' }).getByLabel('SEV3').check();
      await modal.getByRole('radiogroup', { name: 'Radio buttons' }).getByLabel('SEV2').check();
      await modal.getByLabel('Datepicker', { exact: true }).fill('2026-04-01');
      const when = await modal.getByLabel('Datetimepicker').inputValue();
      expect(when).toMatch(/^2026-03-10T\d\d:00$/);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => submitted).toBeDefined();
      expect(submitted).toEqual({
        as: erin,
        viewId: view.id,
        values: {
          line: { line: 'prefilled' },
          lines: { lines: 'first\nsecond' },
          one: { one: 'SEV1' },
          many: { many: ['SEV2', 'SEV3'] },
          who: { who: 'U0SBALICE1' },
          whom: { whom: ['U0SBBOB001', 'U0SBCAROL1'] },
          where: { where: sandboxChannels.incidents },
          channel: { channel: null },
          boxes: { boxes: ['SEV3'] },
          radio: { radio: 'SEV2' },
          day: { day: '2026-04-01' },
          when: { when: 1773136800 },
        },
      });

      await page.unroute('**/sandbox/api/submit');
      ws.closeModal(erin, true);
      await page.reload();
      const message = page.locator('article').filter({ hasText: 'Every block' });
      await message.waitFor();
      const text = await message.innerText();
      for (const expected of ['Bold', '@alice', '#incidents', '@here', 'Field two', 'Mar 10, 2026', 'Context with', 'error rate graph', 'a bullet', 'preformatted', 'video block (shown as data']) {
        expect(text).toContain(expected);
      }
      await message.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, 'sandbox-every-block.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('the message menu of the last message opens upwards, fully visible above the message box', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      // Enough messages to fill the list, so the last one sits right above the message box.
      for (let n = 1; n <= 30; n += 1) {
        const sent = await fetch(new URL('/sandbox/api/send', sandbox.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ as: 'U0SBERIN01', channel: sandboxChannels.executives, text: `Status line ${n}` }),
        });
        expect(sent.status).toBe(200);
      }
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${sandbox.url}?as=U0SBERIN01&c=${sandboxChannels.executives}`);
      const last = page.locator('article').filter({ hasText: 'Status line 30' });
      await last.waitFor();
      await last.getByLabel(/Actions for the message/).click();
      const menu = last.getByRole('group', { name: 'Message actions' });
      await menu.waitFor();
      const list = (await page.locator('.messages').boundingBox())!;
      const box = (await menu.boundingBox())!;
      await page.screenshot({ path: join(artifacts, 'sandbox-last-message-menu.png') });
      expect(box.y).toBeGreaterThanOrEqual(list.y);
      expect(box.y + box.height).toBeLessThanOrEqual(list.y + list.height);
      // Still usable: its last item is clickable where it is drawn.
      await menu.getByRole('button', { name: 'Add to incident timeline' }).click({ trial: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('the message menu: react, pin, edit and delete one’s own message', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${sandbox.url}?as=U0SBDAN001&c=${sandboxChannels.stakeholders}`);
      const box = page.getByRole('textbox', { name: 'Message #stakeholders' });
      await box.fill('Support macro is ready');
      await box.press('Enter');
      await page.locator('article').filter({ hasText: 'Support macro is ready' }).waitFor();
      const ts = await page.locator('article').filter({ hasText: 'Support macro is ready' }).getAttribute('data-ts');
      const message = page.locator(`article[data-ts="${ts}"]`);

      const openMenu = () => message.getByLabel(/Actions for the message from Dan Manager/).click();
      await openMenu();
      await page.screenshot({ path: join(artifacts, 'sandbox-message-menu.png') });
      await message.getByRole('button', { name: 'React with :white_check_mark:' }).click();
      await message.getByRole('button', { name: 'white_check_mark: 1, including you' }).waitFor();
      await openMenu();
      await message.getByRole('button', { name: 'Pin to channel' }).click();
      await expect.poll(() => message.getAttribute('aria-label')).toContain('pinned');

      await openMenu();
      await message.getByRole('button', { name: 'Edit message' }).click();
      const edit = message.getByRole('textbox', { name: 'Edit message' });
      expect(await edit.inputValue()).toBe('Support macro is ready');
      await edit.fill('Support macro is ready and shared');
      await message.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => message.innerText()).toMatch(/Support macro is ready and shared\s+\(edited\)/);
      const edited = message;

      page.once('dialog', (dialog) => void dialog.accept());
      await edited.getByLabel(/Actions for the message/).click();
      await edited.getByRole('button', { name: 'Delete message' }).click();
      await edited.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
