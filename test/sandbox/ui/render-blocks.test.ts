import { describe, expect, it } from 'vitest';
import { blocksHtml } from '../../../src/sandbox/ui/render-blocks.js';
import type { RenderContext } from '../../../src/sandbox/ui/render-elements.js';

const ctx = (errors: Record<string, string> = {}): RenderContext => ({
  dir: { userName: (id) => (id === 'U1' ? 'alice' : undefined), channelName: () => 'incidents', groupHandle: () => undefined, channelHref: (id) => `/sandbox?c=${id}`, timeZone: 'UTC', now: 0 },
  people: [
    { id: 'U1', label: 'Alice (@alice)' },
    { id: 'U2', label: 'Carol (@carol)' },
  ],
  conversations: [{ id: 'C1', label: '#incidents', isChannel: true }],
  errors,
  idPrefix: 't',
});

const plain = (text: string) => ({ type: 'plain_text', text });
const options = [
  { text: plain('SEV1'), value: 'SEV1' },
  { text: plain('SEV2'), value: 'SEV2' },
];

describe('Block Kit as HTML', () => {
  it('draws layout blocks with their interactive elements and ids', () => {
    const html = blocksHtml(
      [
        { type: 'header', text: plain('INC-1: Checkout') },
        { type: 'section', block_id: 's', text: { type: 'mrkdwn', text: '*Status*' }, fields: [{ type: 'mrkdwn', text: '<@U1>' }], accessory: { type: 'overflow', action_id: 'more', options } },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '_small_' }] },
        {
          type: 'actions',
          block_id: 'a',
          elements: [
            { type: 'button', text: plain('Resolve'), action_id: 'resolve', value: 'inc-1', style: 'danger', confirm: { title: plain('Sure?'), text: plain('It ends the incident.') } },
            { type: 'static_select', action_id: 'sev', placeholder: plain('Severity'), options, initial_option: options[1] },
            { type: 'users_select', action_id: 'who' },
          ],
        },
        { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi ', style: { bold: true } }, { type: 'user', user_id: 'U1' }] }] },
      ],
      ctx(),
    );
    expect(html).toContain('<div class="b-header" role="heading" aria-level="3">INC-1: Checkout</div>');
    expect(html).toContain('<strong>Status</strong>');
    expect(html).toContain('<span class="mention">@alice</span>');
    expect(html).toContain('data-act="select" data-action-id="more" data-block-id="s" data-value="SEV2">SEV2</button>');
    expect(html).toContain('class="btn danger" data-act="click" data-action-id="resolve" data-block-id="a" data-value="inc-1"');
    expect(html).toContain('data-confirm="Sure?\n\nIt ends the incident."');
    expect(html).toContain('<option value="SEV2" selected>SEV2</option>');
    expect(html).toContain('<option value="U2">Carol (@carol)</option>');
    expect(html).toContain('<strong>hi </strong>');
    expect(html).toContain('<hr class="b-divider">');
  });

  it('gives a block the emulator’s id when the app left it out, so its buttons can be clicked', () => {
    expect(blocksHtml([{ type: 'divider' }, { type: 'actions', elements: [{ type: 'button', text: plain('Go'), action_id: 'go' }] }], ctx())).toContain('data-block-id="fake-block-1"');
  });

  it('shows unknown blocks as readable data, never blank', () => {
    const html = blocksHtml([{ type: 'video', title: plain('Demo <b>') }], ctx());
    expect(html).toContain('video block (shown as data');
    expect(html).toContain('&quot;Demo &lt;b&gt;&quot;');
  });

  it('draws modal inputs as labelled fields with initial values, hints and inline errors', () => {
    const input = (block_id: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'input', block_id, label: plain(block_id.toUpperCase()), element: { action_id: block_id, ...element }, ...extra });
    const html = blocksHtml(
      [
        input('title', { type: 'plain_text_input', initial_value: 'Checkout <down>', max_length: 120 }),
        input('summary', { type: 'plain_text_input', multiline: true }, { optional: true, hint: plain('What you know') }),
        input('severity', { type: 'static_select', options }),
        input('services', { type: 'multi_static_select', options, initial_options: [options[0]] }, { optional: true }),
        input('owner', { type: 'multi_users_select', initial_users: ['U2'] }),
        input('where', { type: 'conversations_select' }),
        input('flags', { type: 'checkboxes', options, initial_options: [options[1]] }),
        input('pick', { type: 'radio_buttons', options }),
        input('due', { type: 'datepicker', initial_date: '2026-03-10' }),
        input('at', { type: 'datetimepicker', initial_date_time: 1773136800 }),
      ],
      ctx({ title: 'Use at least 3 characters.' }),
    );
    expect(html).toContain('<label class="label" for="t-title" id="t-title-label">TITLE</label>');
    expect(html).toContain('value="Checkout &lt;down&gt;"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p class="field-error" id="t-title-error" role="alert">Use at least 3 characters.</p>');
    expect(html).toContain('<textarea rows="4" id="t-summary"');
    expect(html).toContain('<p class="hint" id="t-summary-hint">What you know</p>');
    expect(html).toContain('SUMMARY <span class="optional">(optional)</span>');
    expect(html).toMatch(/<select id="t-services"[^>]* multiple size="2"[^>]*><option value="SEV1" selected>/);
    expect(html).toMatch(/<select id="t-owner"[^>]* multiple[^>]*>.*<option value="U2" selected>/);
    expect(html).toContain('<option value="C1">#incidents</option>');
    expect(html).toMatch(/type="checkbox" id="t-flags-1" name="t-flags" value="SEV2" checked/);
    expect(html).toMatch(/role="radiogroup"/);
    expect(html).toContain('type="date" id="t-due"');
    expect(html).toContain('value="2026-03-10"');
    expect(html).toContain('data-initial-seconds="1773136800"');
  });
});
