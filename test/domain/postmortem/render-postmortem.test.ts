import { describe, expect, it } from 'vitest';
import { findBlame } from '../../../src/domain/postmortem/blame.js';
import { renderPostmortem } from '../../../src/domain/postmortem/render-postmortem.js';
import type { PostmortemInput } from '../../../src/domain/postmortem/types.js';
import type { TimelineEntry } from '../../../src/domain/timeline/event.js';
import { deepFreeze } from '../make-incident.js';
import { at, curated, entry, followUp, makeInput, message, milestone, pin, reaction, statusChange, T0, tenure } from './postmortem-fixtures.js';

const render = (input: PostmortemInput, names?: Record<string, string>) => renderPostmortem(deepFreeze(input), names ? { names } : undefined);

/** The lines of one `## ` section, without its heading and blank lines. */
const section = (markdown: string, heading: string): string[] => {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const body = markdown.slice(start + heading.length + 5);
  const end = body.indexOf('\n## ');
  return (end < 0 ? body : body.slice(0, end)).split('\n').filter((line) => line !== '');
};

const m1 = message(at(12), 'Error rate is 40% on <https://grafana.example/d/1|the dashboard>', { slackTs: '100.000001' });
const m2 = message(at(30), 'Rolling back to v41', { slackTs: '100.000002', editedAt: at(33) });
const m3 = message(at(35), 'Maybe the connection pool is exhausted?', { slackTs: '100.000003' });
const m4 = message(at(36), 'Plain chatter nobody marked', { slackTs: '100.000004' });

const richInput = (): PostmortemInput =>
  makeInput({
    timeline: [
      entry('declared', T0, { actorId: 'U_REP', text: 'Card payments declined', data: { severity: 'SEV2' } }),
      entry('role_assigned', T0, { actorId: 'U_REP', data: { role: 'commander', userId: 'U_IC', previousUserId: null } }),
      entry('paged', at(1), { text: 'Paged Payments, level 1', data: { levelIndex: 0, pass: 0, users: ['U_P'] } }),
      entry('page_acknowledged', at(4), { actorId: 'U_P', data: { timeToAcknowledgeMs: 3 * 60_000 } }),
      m1,
      pin(m1),
      reaction(m1, 'bulb'),
      statusChange(at(20), 'investigating', 'identified', { permalink: 'https://acme.slack.com/archives/C_INC42/p200' }),
      m2,
      reaction(m2, 'scales'),
      reaction(m2, 'white_check_mark'),
      curated(m2, 'This ended the customer impact'),
      m3,
      reaction(m3, 'thinking_face'),
      m4,
      reaction(m4, 'eyes'),
      entry('reminder', at(40), { actorId: 'bot', text: 'An update is due' }),
      statusChange(at(45), 'identified', 'monitoring'),
      entry('update_posted', at(46), { text: 'Rolled back; error rate back to normal' }),
      statusChange(at(90), 'monitoring', 'resolved'),
    ],
    roleHistory: [tenure('commander', 'U_IC', T0, at(40)), tenure('commander', 'U_IC2', at(40), null), tenure('scribe', 'U_S', at(5), null)],
    updates: [
      { id: 'up1', incidentId: 'inc_01', status: 'identified', whatChanged: 'x', impact: 'All EU card payments fail', nextSteps: '', nextUpdateAt: null, customerMessage: null, postedBy: 'U_IC', postedAt: at(25) },
      { id: 'up2', incidentId: 'inc_01', status: 'monitoring', whatChanged: 'y', impact: '', nextSteps: '', nextUpdateAt: null, customerMessage: null, postedBy: 'U_IC', postedAt: at(46) },
    ],
    pages: [{ startedAt: at(1), acknowledgedAt: at(4), acknowledgedBy: 'U_P' }],
    followUps: [
      followUp({ text: 'Add a canary stage to the payments deploy', ownerId: 'U_OPS', dueAt: Date.UTC(2026, 11, 1, 12), blocking: true, createdAt: at(100) }),
      followUp({ text: 'Alert on card decline rate', ownerId: null, status: 'done', doneAt: at(300), createdAt: at(95) }),
    ],
  });

describe('renderPostmortem: a one-day incident', () => {
  const markdown = render(richInput(), { U_IC: 'Ivan' });

  it('opens with the title, the generation time and the zone once', () => {
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '# Postmortem: INC-12 Checkout failing for card payments',
      '',
      "_Draft generated 2024-01-16 09:00 GMT from the incident channel's timeline. Times are Europe/London (GMT). Blameless: describe systems and conditions, not people._",
    ]);
  });

  it('summarises severity, services, status, duration and channel', () => {
    expect(section(markdown, 'Summary').slice(0, 6)).toEqual([
      'Payments failing for EU customers',
      '- **Severity:** SEV2',
      '- **Services:** Checkout, Payments',
      '- **Status:** Resolved',
      '- **Duration:** 1h 30m',
      '- **Channel:** #inc-42-checkout-api-returns-500s',
    ]);
  });

  it('lists every tenure of every role', () => {
    expect(markdown).toContain(
      [
        '### Roles',
        '',
        '- Incident Commander: @Ivan (09:00–09:40), @U_IC2 (09:40–)',
        '- Communications Lead: not assigned',
        '- Scribe: @U_S (09:05–)',
        '- Operations Lead: not assigned',
      ].join('\n'),
    );
  });

  it('shows milestones and durations', () => {
    expect(markdown).toContain(
      [
        '| Milestone | When |',
        '| --- | --- |',
        '| Started | 2024-01-15 09:00 |',
        '| Detected | 2024-01-15 09:00 |',
        '| Acknowledged | 2024-01-15 09:04 |',
        '| Mitigated | 2024-01-15 09:45 |',
        '| Resolved | 2024-01-15 10:30 |',
        '',
        '| Time to detect | Time to acknowledge | Time to mitigate | Time to resolve |',
        '| --- | --- | --- | --- |',
        '| 0m | 4m | 45m | 1h 30m |',
      ].join('\n'),
    );
  });

  it('states the declared impact and the latest assessed one', () => {
    expect(section(markdown, 'Customer impact')).toEqual([
      'As declared: About 30% of checkouts fail',
      'Latest assessment (update of 09:25): All EU card payments fail',
    ]);
  });

  it('writes one timeline line per curated entry, with key marks, sections, comments and links', () => {
    expect(section(markdown, 'Timeline')).toEqual([
      '- **09:00** Incident declared as SEV2 by @U_REP: Card payments declined',
      '- **09:00** Incident Commander assigned to @Ivan by @U_REP',
      '- **09:01** Paged Payments, level 1 (@U_P)',
      '- **09:04** Page acknowledged by @U_P after 3m',
      '- **09:12** 📌 @U_ENG: Error rate is 40% on the dashboard (https://grafana.example/d/1) _(observation)_ ([link](https://acme.slack.com/archives/C_INC42/p100000001))',
      '- **09:20** Status changed from Investigating to Identified by @Ivan ([link](https://acme.slack.com/archives/C_INC42/p200))',
      '- **09:30** @U_ENG: Rolling back to v41 (edited) _(action, decision)_ — comment by @U_SCRIBE: This ended the customer impact ([link](https://acme.slack.com/archives/C_INC42/p100000002))',
      '- **09:35** @U_ENG: Maybe the connection pool is exhausted? _(hypothesis)_ ([link](https://acme.slack.com/archives/C_INC42/p100000003))',
      '- **09:45** Status changed from Identified to Monitoring by @Ivan',
      '- **09:46** Update posted by @Ivan: Rolled back; error rate back to normal',
      '- **10:30** Status changed from Monitoring to Resolved by @Ivan',
    ]);
    expect(markdown).not.toContain('Plain chatter');
    expect(markdown).not.toContain('An update is due');
  });

  it('files typed entries under their sections', () => {
    const link = (n: number) => `([link](https://acme.slack.com/archives/C_INC42/p10000000${n}))`;
    expect(section(markdown, 'Key decisions')).toEqual([
      `- **09:30** @U_ENG: Rolling back to v41 (edited) — comment by @U_SCRIBE: This ended the customer impact ${link(2)}`,
    ]);
    expect(section(markdown, 'Hypotheses tried')).toEqual([`- **09:35** @U_ENG: Maybe the connection pool is exhausted? ${link(3)}`]);
    expect(section(markdown, 'Actions taken')).toHaveLength(1);
    expect(section(markdown, 'Observations')).toEqual([
      `- **09:12** 📌 @U_ENG: Error rate is 40% on the dashboard (https://grafana.example/d/1) ${link(1)}`,
    ]);
  });

  it('renders follow-ups as a task list, oldest first', () => {
    expect(section(markdown, 'Follow-up actions')).toEqual([
      '- [x] Alert on card decline rate — no owner yet',
      '- [ ] Add a canary stage to the payments deploy — owner @U_OPS — due 2026-12-01 — blocking',
    ]);
  });

  it('asks blameless questions', () => {
    expect(section(markdown, 'Contributing factors')[0]).toBe('_Systems and conditions, not people._');
    expect(section(markdown, 'What went well').length).toBeGreaterThan(0);
    expect(section(markdown, 'Where we got lucky').length).toBeGreaterThan(0);
  });

  it('uses no blaming words of its own', () => {
    expect(findBlame(render(makeInput()))).toEqual([]);
  });
});

describe('renderPostmortem: what the incident cost its SLOs', () => {
  const day = 86_400_000;
  it('says, after the impact, each SLO\'s share of good events while it lasted, its burn and its cost in budget', () => {
    const markdown = render({
      ...richInput(),
      errorBudgets: [
        { sloId: 'checkout-availability', objective: 99.9, windowMs: 28 * day, sli: 0.961, burnRate: 39, budgetShare: 0.0875, problem: null },
        { sloId: 'payments-latency', objective: 99, windowMs: 7 * day, sli: null, burnRate: null, budgetShare: null, problem: null },
        { sloId: 'search.latency_p99', objective: 99.5, windowMs: 36 * 3_600_000, sli: null, burnRate: null, budgetShare: null, problem: 'Prometheus at prometheus:9090 did not answer within 10 s' },
      ],
    });
    expect(section(markdown, 'Error budget')).toEqual([
      '_What the incident cost each SLO of its services, from start to resolution, had traffic been as usual._',
      '- **checkout-availability** (99.9% over 28-day windows): 96.100% good while it lasted, burning 39.0×: about 8.8% of the 28-day error budget.',
      '- **payments-latency** (99% over 7-day windows): no events were counted while it lasted.',
      '- **search.latency_p99** (99.5% over 36-hour windows): could not be read (Prometheus at prometheus:9090 did not answer within 10 s).',
    ]);
    expect(markdown.indexOf('## Error budget')).toBeGreaterThan(markdown.indexOf('## Customer impact'));
    expect(markdown.indexOf('## Error budget')).toBeLessThan(markdown.indexOf('## Timeline'));
  });

  it('has no such section when the incident\'s services have no SLO', () => {
    expect(render({ ...richInput(), errorBudgets: [] })).not.toContain('## Error budget');
    expect(render(richInput())).not.toContain('## Error budget');
  });
});

describe('renderPostmortem: what must not appear', () => {
  it('never shows a deleted message, even pinned, typed or curated, nor the curated copy of it', () => {
    const gone = message(at(10), 'SECRET-WORDS the db password is hunter2', { slackTs: '100.000009', deletedAt: at(11) });
    const markdown = render(
      makeInput({
        timeline: [
          gone,
          pin(gone),
          reaction(gone, 'scales'),
          reaction(gone, 'pushpin'),
          curated(gone, 'SECRET-COMMENT'),
          entry('curated', at(12), { slackTs: gone.slackTs, text: 'SECRET-WORDS copy', data: { comment: 'SECRET-COMMENT' } }),
        ],
      }),
    );
    expect(markdown).not.toMatch(/SECRET|hunter2/);
    expect(section(markdown, 'Key decisions')).toEqual(['_None recorded._']);
  });

  it('drops messages whose pin or reaction was removed', () => {
    const a = message(at(10), 'UNPINNED', { slackTs: '100.000010' });
    const b = message(at(11), 'UNREACTED', { slackTs: '100.000011' });
    const markdown = render(makeInput({ timeline: [a, pin(a, { deletedAt: at(20) }), b, reaction(b, 'bulb', { deletedAt: at(21) })] }));
    expect(markdown).not.toMatch(/UNPINNED|UNREACTED/);
  });

  it('neutralises HTML and headings in what people wrote', () => {
    const evil = message(at(10), '# Fake heading\n<script>alert(1)</script>\n```\nunclosed', { slackTs: '100.000012' });
    const markdown = render(makeInput({ timeline: [evil, pin(evil)], incident: { title: '<b>Bold</b> title' } }));
    expect(markdown).not.toMatch(/<script>|<b>/);
    expect(markdown).toContain('# Postmortem: INC-12 &lt;b&gt;Bold&lt;/b&gt; title');
    expect(markdown).toContain('@U_ENG: # Fake heading ⏎ &lt;script&gt;alert(1)&lt;/script&gt; ⏎ ``` ⏎ unclosed');
    expect(markdown.split('\n').filter((line) => line.startsWith('```'))).toEqual([]);
  });
});

describe('renderPostmortem: time zones', () => {
  // Europe/London moves from GMT to BST at 2024-03-31 01:00 UTC.
  const d = (hours: number, minutes = 0) => Date.UTC(2024, 2, 30, hours, minutes);
  const overnight = (): PostmortemInput => {
    const late = message(d(23, 50), 'Queue depth still growing', { slackTs: '200.000001' });
    const early = message(d(25, 30), 'Consumer restarted, queue draining', { slackTs: '200.000002' });
    return makeInput({
      incident: { declaredAt: d(22, 30), resolvedAt: d(34), status: 'resolved' },
      timeline: [
        statusChange(d(34), 'monitoring', 'resolved'),
        late,
        pin(late),
        early,
        reaction(early, 'white_check_mark'),
        statusChange(d(26), 'identified', 'monitoring'),
        milestone('started', d(22, 10), d(30)),
      ],
      roleHistory: [tenure('commander', 'U_IC', d(22, 30), d(25, 30)), tenure('commander', 'U_IC2', d(25, 30), null)],
      generatedAt: d(40),
    });
  };
  const markdown = render(overnight());

  it('names both abbreviations in the header', () => {
    expect(markdown).toContain('_Draft generated 2024-03-31 17:00 BST');
    expect(markdown).toContain('Times are Europe/London (GMT/BST).');
  });

  it('groups the timeline under local dates with local times on each side of the change', () => {
    expect(section(markdown, 'Timeline')).toEqual([
      '### Saturday 30 March 2024',
      '- **22:10** 📌 Started (milestone set by @U_IC)',
      '- **23:50** 📌 @U_ENG: Queue depth still growing ([link](https://acme.slack.com/archives/C_INC42/p200000001))',
      '### Sunday 31 March 2024',
      '- **02:30** @U_ENG: Consumer restarted, queue draining _(action)_ ([link](https://acme.slack.com/archives/C_INC42/p200000002))',
      '- **03:00** Status changed from Identified to Monitoring by @U_IC',
      '- **11:00** Status changed from Monitoring to Resolved by @U_IC',
    ]);
  });

  it('writes dates with the times elsewhere, and real elapsed durations', () => {
    expect(markdown).toContain('- Incident Commander: @U_IC (2024-03-30 22:30–2024-03-31 02:30), @U_IC2 (2024-03-31 02:30–)');
    expect(markdown).toContain('| Started | 2024-03-30 22:10 |');
    expect(markdown).toContain('| Resolved | 2024-03-31 11:00 |');
    // 22:10 GMT → 11:00 BST is 11h 50m of real time, not the 12h 50m the wall clock suggests.
    expect(markdown).toContain('| 20m | n/a | 3h 50m | 11h 50m |');
    expect(section(markdown, 'Actions taken')).toEqual([
      '- **2024-03-31 02:30** @U_ENG: Consumer restarted, queue draining ([link](https://acme.slack.com/archives/C_INC42/p200000002))',
    ]);
  });

  it('keeps one day without date headings, and falls back to UTC for an unknown zone', () => {
    const markdown = render(makeInput({ timezone: 'Mars/Olympus_Mons' }));
    expect(markdown).toContain('Times are UTC (UTC).');
    expect(section(markdown, 'Timeline')).toEqual(['- **09:00** Incident declared as SEV2 by @U_REPORTER: Payments failing for EU customers']);
  });

  it('says when the incident is still open', () => {
    const markdown = render(makeInput({ incident: { status: 'monitoring', resolvedAt: null }, generatedAt: at(125) }));
    expect(markdown).toContain('- **Duration:** 2h 05m so far (not resolved when this draft was generated)');
    expect(markdown).toContain('| Resolved | n/a |');
  });
});

describe('renderPostmortem: determinism and size', () => {
  it('renders the same input byte for byte, whatever the order of the stored entries', () => {
    const input = richInput();
    const first = render(input);
    expect(render(input)).toBe(first);
    // Entries with distinct times may come in any order; equal times keep their relative order.
    const groups = new Map<number, TimelineEntry[]>();
    for (const e of input.timeline) groups.set(e.at, [...(groups.get(e.at) ?? []), e]);
    const shuffled = [...groups.values()].reverse().flat();
    expect(shuffled.map((e) => e.id)).not.toEqual(input.timeline.map((e) => e.id));
    expect(render({ ...input, timeline: shuffled })).toBe(first);
  });

  it('renders 10,000 messages, most unmarked, keeping only the marked ones', () => {
    const timeline: TimelineEntry[] = [entry('declared', T0, { text: 'Big one', data: { severity: 'SEV1' } })];
    for (let i = 0; i < 10_000; i += 1) {
      const msg = message(T0 + i * 1_000, `message number ${i}`, { slackTs: `${300_000 + i}.000001` });
      timeline.push(msg);
      if (i % 100 === 0) timeline.push(reaction(msg, 'bulb'));
      if (i % 1_000 === 0) timeline.push(pin(msg));
      if (i % 7 === 0) timeline.push(reaction(msg, 'eyes'));
    }
    const markdown = render(makeInput({ timeline }));
    const timelineLines = section(markdown, 'Timeline');
    expect(timelineLines).toHaveLength(101);
    expect(timelineLines.filter((line) => line.includes('📌'))).toHaveLength(10);
    expect(section(markdown, 'Observations')).toHaveLength(100);
    expect(markdown).toContain('message number 9900 _(observation)_');
    expect(markdown).not.toContain('message number 9901 ');
    expect(markdown.length).toBeLessThan(60_000);
  });
});
