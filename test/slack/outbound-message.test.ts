import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/app/outbound.js';
import type { Incident } from '../../src/domain/incident/incident.js';
import { renderMessage } from '../../src/slack/blocks/outbound-message.js';
import { validateBlocks } from 'slack-emulator';

const now = Date.UTC(2026, 10, 26, 12);
const incident: Incident = {
  id: 'inc-id',
  number: 7,
  title: 'Checkout failing',
  severity: 'SEV2',
  status: 'investigating',
  summary: 'Card payments return 502',
  impact: 'EU customers cannot pay',
  services: ['payments'],
  isPrivate: false,
  isDrill: false,
  reporterId: 'U0REPORTER',
  roles: { commander: 'U0IC' },
  channelId: 'C0INC7',
  channelName: 'inc-7-checkout-failing',
  cardTs: '1.1',
  announcementChannelId: null,
  announcementTs: null,
  latestUpdate: null,
  declaredAt: now - 3_600_000,
  updatedAt: now,
  resolvedAt: null,
  closedAt: null,
};
const context = { now, serviceNames: () => ['Payments API'] };
const page = { escalationId: 'esc-1', about: 'Payments API', runbook: null, levelIndex: 0, pass: 0, requestedBy: 'U0REPORTER' };

// Each builder's own limits are tested in blocks.test.ts; this checks the dispatch over the union.
describe('renderMessage: one renderer per outbound message kind', () => {
  it.each<OutboundMessage>([
    { kind: 'incident_card', incident },
    { kind: 'incident_announcement', incident },
    { kind: 'role_checklist', incident, role: 'commander' },
    { kind: 'page', incident, page },
    { kind: 'page_closed', incident, outcome: 'Acknowledged by <@U0IC>' },
    { kind: 'update_reminder', incident, overdueForMs: 60_000 },
  ])('$kind says what it is about in its text and stays within Block Kit limits', (message) => {
    const rendered = renderMessage(message, context);
    expect(rendered.text).toContain('INC-7');
    expect(validateBlocks(rendered.blocks ?? [], 'message')).toEqual([]);
  });

  it('a line is its text alone, without blocks', () => {
    expect(renderMessage({ kind: 'line', text: ':wave: hello' }, context)).toEqual({ text: ':wave: hello' });
  });

  it('the card names the services as configured (the context), not as typed', () => {
    expect(JSON.stringify(renderMessage({ kind: 'incident_card', incident }, context).blocks)).toContain('Payments API');
  });

  it('refuses a kind it has no renderer for, rather than posting nothing', () => {
    expect(() => renderMessage({ kind: 'no_such_kind' } as unknown as OutboundMessage, context)).toThrow('no renderer for outbound message no_such_kind');
  });
});
