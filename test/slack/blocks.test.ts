import { sloReportMessage } from '../../src/slack/blocks/slo-report.js';
import { mrkdwnAsPlain } from '../../src/slack/blocks/text.js';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/incident/incident.js';
import { statuses } from '../../src/domain/incident/status.js';
import { homeView, maxHomeIncidents } from '../../src/slack/blocks/home.js';
import { incidentAnnouncement, incidentCard, incidentTopic } from '../../src/slack/blocks/incident-card.js';
import { incidentList, roleChecklistMessage } from '../../src/slack/blocks/messages.js';
import { declareModal } from '../../src/slack/blocks/modals/declare-modal.js';
import { maintenanceModal } from '../../src/slack/blocks/modals/maintenance-modal.js';
import { pageModal } from '../../src/slack/blocks/modals/page-modal.js';
import { roleModal, severityModal, statusModal } from '../../src/slack/blocks/modals/incident-modals.js';
import { updateModal } from '../../src/slack/blocks/modals/update-modal.js';
import { actionIds } from '../../src/slack/ids.js';
import { closedPageMessage, pageMessage, updateReminderMessage } from '../../src/slack/blocks/page.js';
import { onCallMessage } from '../../src/slack/blocks/oncall.js';
import { digestMessage, engineerUpdate, executiveLine, executiveSummary, maintenanceNotice, stakeholderUpdate } from '../../src/slack/blocks/communications.js';
import { validateBlocks, validateView } from 'slack-emulator';

const now = Date.UTC(2026, 10, 26, 12);
const huge = 'x'.repeat(5000);

const incident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'inc-id',
  number: 42,
  title: 'Checkout failing for card payments',
  severity: 'SEV1',
  status: 'investigating',
  summary: 'Card payments return 502 since 09:00',
  impact: 'EU customers cannot pay',
  services: ['payments', 'checkout'],
  isPrivate: false,
  isDrill: false,
  reporterId: 'U0REPORTER',
  roles: { commander: 'U0IC', scribe: 'U0SCRIBE' },
  channelId: 'C0INC42',
  channelName: 'inc-42-checkout-failing',
  cardTs: '1.1',
  announcementChannelId: 'C0ANN',
  announcementTs: '1.2',
  latestUpdate: { text: 'Rolled back deploy 1234', at: now - 60_000, by: 'U0IC' },
  declaredAt: now - 3_600_000,
  updatedAt: now,
  resolvedAt: null,
  closedAt: null,
  ...overrides,
});

/** The largest incident a person can produce: every text field at or beyond its limit. */
const oversized = incident({
  title: huge,
  summary: huge,
  impact: huge,
  services: Array.from({ length: 200 }, (_, index) => `service-${index}`),
  latestUpdate: { text: huge, at: now, by: 'U0IC' },
});

const buttonIds = (blocks: unknown[]): string[] =>
  JSON.stringify(blocks).match(/"action_id":"[a-z_]+"/g)?.map((match) => match.slice(13, -1)) ?? [];

describe('incident card', () => {
  it.each(statuses)('stays within Block Kit limits when %s, even with oversized text', (status) => {
    expect(validateBlocks(incidentCard(incident({ status }), now, []), 'message')).toEqual([]);
    expect(validateBlocks(incidentCard({ ...oversized, status }, now, oversized.services), 'message')).toEqual([]);
    expect(validateBlocks(incidentAnnouncement({ ...oversized, status }, now), 'message')).toEqual([]);
  });

  it('shows title, severity, status, every role, duration and the latest update', () => {
    const text = JSON.stringify(incidentCard(incident(), now, []));
    for (const expected of ['INC-42', 'Checkout failing', 'SEV1', 'Investigating', 'Incident Commander', '<@U0IC>', 'Communications Lead', '_unassigned_', 'Scribe', 'Operations Lead', '1h 0m', 'Rolled back deploy 1234']) {
      expect(text).toContain(expected);
    }
  });

  it('offers the six actions while active, drops Resolve once resolved and every action once finished', () => {
    const all = [actionIds.updateStatus, actionIds.changeSeverity, actionIds.assignRole, actionIds.postUpdate, actionIds.page, actionIds.resolve];
    expect(buttonIds(incidentCard(incident(), now, []))).toEqual(all);
    expect(buttonIds(incidentCard(incident({ status: 'resolved', resolvedAt: now }), now, []))).not.toContain(actionIds.resolve);
    expect(buttonIds(incidentCard(incident({ status: 'closed', closedAt: now }), now, []))).toEqual([]);
  });

  it('has a Join button on the announcement until the incident is finished', () => {
    expect(buttonIds(incidentAnnouncement(incident(), now))).toEqual([actionIds.join]);
    expect(buttonIds(incidentAnnouncement(incident({ status: 'cancelled' }), now))).toEqual([]);
  });

  it('keeps the topic within 250 characters and leads with severity, status and commander', () => {
    expect(incidentTopic(incident())).toMatch(/^SEV1 · Investigating · IC: <@U0IC>/);
    expect(incidentTopic(oversized).length).toBeLessThanOrEqual(250);
  });
});

describe('modals', () => {
  it.each([
    ['declare', declareModal({ title: huge, reporterId: 'U0REPORTER' })],
    ['status', statusModal(incident())],
    ['severity', severityModal(incident())],
    ['role', roleModal(incident(), 'scribe')],
    ['update', updateModal(oversized, { defaultMinutes: 15, customerTemplate: huge, publishRefusal: null })],
    ['update by someone who may not publish', updateModal(oversized, { defaultMinutes: 15, customerTemplate: huge, publishRefusal: huge })],
    ['private update', updateModal(incident({ isPrivate: true }), { defaultMinutes: 45, customerTemplate: null, publishRefusal: null })],
    ['declare with 150 services', declareModal({ title: 'x', reporterId: 'U1', services: Array.from({ length: 150 }, (_, i) => ({ id: `s${i}`, name: huge })) })],
    ['maintenance', maintenanceModal({ services: [{ id: 'payments', name: 'Payments API' }], now })],
    ['maintenance without services', maintenanceModal({ services: [], now })],
  ])('%s modal is a valid view', (_name, view) => {
    expect(validateView(view, 'modal')).toBeNull();
  });

  it('offers only the statuses the lifecycle allows next', () => {
    const options = JSON.stringify(statusModal(incident({ status: 'resolved', resolvedAt: now })));
    expect(options).toContain('"value":"investigating"');
    expect(options).toContain('"value":"closed"');
    expect(options).not.toContain('"value":"monitoring"');
  });

  it('prefills the title and defaults the commander to the reporter', () => {
    const text = JSON.stringify(declareModal({ title: 'DB down', reporterId: 'U0ME' }));
    expect(text).toContain('"initial_value":"DB down"');
    expect(text).toContain('"initial_user":"U0ME"');
    expect(text).not.toContain('"hint":{"type":"plain_text","text":"What you typed');
  });

  it('keeps all of a title that fits the summary but not the title there, and says so', () => {
    const typed = 'x'.repeat(500);
    const blocks = declareModal({ title: typed, reporterId: 'U0ME' }).blocks as { hint?: { text: string }; element: { initial_value?: string } }[];
    expect(blocks[0]?.hint?.text).toBe('What you typed has 500 characters and a title at most 120: the start is here, and all of it is in the summary.');
    expect(blocks[2]?.element.initial_value).toBe(typed);
  });
});

describe('paging and reminders', () => {
  const page = { escalationId: 'esc-1', about: huge, runbook: `https://runbooks.example.com/${huge}`, levelIndex: 1, pass: 2, requestedBy: 'U0IC' };

  it('page DM, its closed form and the update reminder stay within limits', () => {
    expect(validateBlocks(pageMessage(oversized, page).blocks, 'message')).toEqual([]);
    expect(validateBlocks(closedPageMessage(oversized, huge).blocks, 'message')).toEqual([]);
    expect(validateBlocks(updateReminderMessage(oversized, 3_600_000).blocks, 'message')).toEqual([]);
  });

  it('page DM carries the two buttons with the escalation id; the closed page has none', () => {
    const text = JSON.stringify(pageMessage(incident(), { ...page, about: 'Payments API', runbook: 'https://rb.example.com/p' }).blocks);
    expect(buttonIds(pageMessage(incident(), page).blocks)).toEqual([actionIds.acknowledgePage, actionIds.escalateNow]);
    expect(text).toContain('"value":"esc-1"');
    expect(text).toContain('<https://rb.example.com/p|');
    expect(buttonIds(closedPageMessage(incident(), 'Acknowledged by <@U1>').blocks)).toEqual([]);
  });

  it('the page modal is a valid view', () => {
    expect(validateView(pageModal(incident(), Array.from({ length: 150 }, (_, index) => ({ id: `s${index}`, name: `Service ${index}` }))), 'modal')).toBeNull();
    expect(validateView(pageModal(incident(), []), 'modal')).toBeNull();
  });

  it('the on-call answer stays within a message for many services', () => {
    const answers = Array.from({ length: 60 }, (_, index) => ({
      subject: `Service ${index} ${huge}`,
      policyId: 'p',
      levels: [{ after: '5m', targets: [{ target: 'schedule:s', kind: 'schedule' as const, id: 's', now: ['U1'], next: { at: now, users: ['U2'] } }] }],
    }));
    expect(validateBlocks(onCallMessage(answers).blocks, 'message')).toEqual([]);
  });
});

describe('one update, every audience', () => {
  const update = {
    id: 'u1', incidentId: 'inc-id', status: 'identified' as const, whatChanged: 'Rolled back deploy 1234', impact: 'EU card payments fail',
    nextSteps: 'Watch error rate', nextUpdateAt: now + 900_000, customerMessage: 'We found the cause.', postedBy: 'U0IC', postedAt: now,
  };
  const view = { update, serviceNames: ['Payments API'], changes: ['status Investigating → Identified'], first: false };

  it('each version stays within limits even with oversized text', () => {
    const big = { ...view, update: { ...update, whatChanged: huge, impact: huge, nextSteps: huge, customerMessage: huge }, serviceNames: [huge] };
    for (const rendered of [engineerUpdate(oversized, big), stakeholderUpdate(oversized, big), executiveLine(oversized, big, now)]) {
      expect(validateBlocks(rendered.blocks, 'message')).toEqual([]);
    }
  });

  it('engineers get everything; stakeholders get impact and status without next steps; executives one line', () => {
    const engineers = JSON.stringify(engineerUpdate(incident(), view).blocks);
    const stakeholders = JSON.stringify(stakeholderUpdate(incident(), view).blocks);
    const executives = executiveLine(incident(), view, now).blocks;
    expect(engineers).toContain('Watch error rate');
    expect(engineers).toContain('Since the last update: status Investigating → Identified');
    expect(stakeholders).toContain('EU card payments fail');
    expect(stakeholders).toContain('Since the last update: status Investigating → Identified');
    expect(stakeholders).not.toContain('Watch error rate');
    expect(executives).toHaveLength(1);
    expect(JSON.stringify(executives)).toMatch(/SEV1 Payments API.*EU card payments fail.*Identified.*1h 0m.*IC <@U0IC>.*next update/);
  });

  it('executive summary, digest and maintenance notices stay within limits', () => {
    expect(validateBlocks(executiveSummary(oversized, { reason: 'severity_changed', serviceNames: [huge], nextUpdateAt: now, previousSeverity: 'SEV3' }, now).blocks, 'message')).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => incident({ id: `i${i}`, title: huge }));
    const digest = {
      periodStart: now - 86_400_000, periodEnd: now, open: many, resolved: many,
      timeToAcknowledge: { median: 60_000, worst: 600_000, count: 3 }, timeToResolve: null,
      bySeverity: { SEV1: 40, SEV2: 0, SEV3: 0, SEV4: 0 }, byService: Array.from({ length: 30 }, (_, i) => [`${huge}${i}`, i] as [string, number]), overdueFollowUps: 2, alertNoise: null,
      sloBudgets: Array.from({ length: 60 }, (_, i) => ({ sloId: `${huge}${i}`, service: huge, remaining: i % 2 ? -i : null, state: 'exhausted' as const, problem: i % 3 ? null : huge })),
    };
    expect(validateBlocks(digestMessage(digest, now).blocks, 'message')).toEqual([]);
    const slo = { id: huge, service: huge, objective: 99.9, windowMs: 86_400_000, good: huge, total: huge };
    const rows = Array.from({ length: 60 }, (_, i) => (i % 2 ? { slo, problem: huge } : { slo, budget: { sli: 0.5, remaining: -499, budgetMs: 86_400, remainingMs: -43_113_600 }, burnRates: [{ rangeMs: 3_600_000, rate: 500 }] }));
    const statuses = Array.from({ length: 30 }, (_, i) => ({ sloId: `${huge}${i}`, readAt: now, remaining: -i, burnRate: 1e6, burnRangeMs: 3_600_000, problem: i % 2 ? huge : null, exhaustedSince: null }));
    expect(validateBlocks(incidentCard(oversized, now, [huge], statuses), 'message')).toEqual([]);
    const report = sloReportMessage({ rows });
    expect(validateBlocks(report.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(report.blocks)).toContain('15 more not shown');
    const maintenance = { id: 'm1', title: huge, message: huge, services: ['payments'], startsAt: now, endsAt: now + 1, createdBy: 'U1', createdAt: now, cancelledAt: null };
    expect(validateBlocks(maintenanceNotice(maintenance, 'started', [huge]).blocks, 'message')).toEqual([]);
  });
});

describe('home and lists', () => {
  const incidents = Array.from({ length: 120 }, (_, index) => incident({ id: `i${index}`, number: index + 1, title: huge }));
  // 30 being worked on, 90 resolved: both sections, and more than either surface can show.
  const many = {
    active: incidents.slice(0, 30),
    resolved: incidents.slice(30).map((resolved) => ({ ...resolved, status: 'resolved' as const, resolvedAt: now })),
    activeTotal: 30,
    resolvedTotal: 90,
  };
  const none = { active: [], resolved: [], activeTotal: 0, resolvedTotal: 0 };

  it('keeps the Home tab within 100 blocks however many incidents are open', () => {
    const view = homeView(many, now);
    expect(validateView(view, 'home')).toBeNull();
    expect(JSON.stringify(view)).toContain(`${120 - maxHomeIncidents} more not shown`);
    expect(validateView(homeView(none, now), 'home')).toBeNull();
    expect(validateView(homeView(many, now, { scheduleName: huge, start: now + 1000, end: now + 2000 }), 'home')).toBeNull();
    const budgets = Array.from({ length: 60 }, (_, i) => ({ sloId: `${huge}${i}`, service: huge, remaining: -i, state: 'exhausted' as const, problem: null }));
    expect(validateView(homeView(many, now, { scheduleName: huge, start: now + 1000, end: now + 2000 }, null, budgets), 'home')).toBeNull();
    expect(validateView(homeView(many, now, null, null, 'reading'), 'home')).toBeNull();
    expect(JSON.stringify(homeView(none, now, undefined))).toContain('not on call in the next 60 days');
  });

  it('keeps /incident list within a message', () => {
    expect(validateBlocks(incidentList(many, now).blocks, 'message')).toEqual([]);
    expect(validateBlocks(incidentList({ active: incidents, resolved: [], activeTotal: 120, resolvedTotal: 0 }, now).blocks, 'message')).toEqual([]);
    expect(incidentList(many, now).text).toBe('30 open incidents, 90 resolved');
  });

  it('counts the incidents left out of the page, not only those handed over', () => {
    const page = { active: many.active.slice(0, 3), resolved: [], activeTotal: 500, resolvedTotal: 0 };
    expect(JSON.stringify(incidentList(page, now))).toContain('497 more not shown');
    expect(incidentList(page, now).text).toBe('500 open incidents');
    expect(JSON.stringify(homeView(page, now))).toContain('*500 open incidents*');
    expect(JSON.stringify(homeView(page, now))).toContain('497 more not shown');
  });

  it('builds a valid role checklist DM', () => {
    const message = roleChecklistMessage(incident(), 'comms');
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(message.text).toContain('Communications Lead');
  });
});

describe('mrkdwn shown as typed', () => {
  it('names a mentioned user by id and drops code quotes, for a form field error', () => {
    expect(mrkdwnAsPlain('Only <@U0ALICE>, <@W0BOB> or members of user group `S0SRE` may create or expire alert silences.')).toBe(
      'Only U0ALICE, W0BOB or members of user group S0SRE may create or expire alert silences.',
    );
  });
});
