import { describe, expect, it } from 'vitest';
import { curateTimeline, type CuratedEntry } from '../../../src/domain/postmortem/curate-timeline.js';
import type { TimelineEntry } from '../../../src/domain/timeline/event.js';
import { deepFreeze } from '../make-incident.js';
import { at, curated, entry, makeInput, message, milestone, pin, reaction, statusChange, T0 } from './postmortem-fixtures.js';

const curate = (timeline: TimelineEntry[], names?: Record<string, string>) =>
  curateTimeline(deepFreeze(makeInput({ timeline })), names ? { names } : {});

const summary = (lines: CuratedEntry[]) => lines.map((l) => ({ text: l.text, key: l.key, sections: l.sections }));

describe('curateTimeline: bot events are sentences', () => {
  const cases: [string, TimelineEntry, string][] = [
    ['declared', entry('declared', T0, { actorId: 'U_REP', text: 'Cards declined', data: { severity: 'SEV1' } }), 'Incident declared as SEV1 by @U_REP: Cards declined'],
    ['status', statusChange(T0, 'investigating', 'identified', { text: 'bad config found' }), 'Status changed from Investigating to Identified by @U_IC: bad config found'],
    ['reopened', entry('reopened', T0, { data: { from: 'resolved', to: 'investigating' } }), 'Incident reopened by @U_IC'],
    ['severity', entry('severity_changed', T0, { data: { from: 'SEV2', to: 'SEV1' } }), 'Severity changed from SEV2 to SEV1 by @U_IC'],
    ['role', entry('role_assigned', T0, { data: { role: 'commander', userId: 'U_B', previousUserId: 'U_A' } }), 'Incident Commander assigned to @U_B (previously @U_A) by @U_IC'],
    ['role, first holder', entry('role_assigned', T0, { data: { role: 'scribe', userId: 'U_B', previousUserId: null } }), 'Scribe assigned to @U_B by @U_IC'],
    ['paged', entry('paged', T0, { text: 'Paged Payments, level 1', data: { levelIndex: 0, pass: 0, users: ['U_P1', 'U_P2'] } }), 'Paged Payments, level 1 (@U_P1, @U_P2)'],
    ['paged nobody', entry('paged', T0, { text: 'Paged Payments, level 2', data: { users: [] } }), 'Paged Payments, level 2 (nobody on call)'],
    ['acknowledged', entry('page_acknowledged', T0, { actorId: 'U_P1', data: { timeToAcknowledgeMs: 245_000 } }), 'Page acknowledged by @U_P1 after 4m'],
    ['exhausted', entry('escalation_exhausted', T0, { text: 'Nobody acknowledged the page for Payments', data: { passes: 2 } }), 'Nobody acknowledged the page for Payments after 2 passes through the escalation policy'],
    ['update', entry('update_posted', T0, { text: 'Rolled back to v41' }), 'Update posted by @U_IC: Rolled back to v41'],
    ['note', entry('note', T0, { text: 'Error rate <@U_X> sees is 30%' }), 'Note by @U_IC: Error rate @U_X sees is 30%'],
  ];
  it.each(cases)('%s', (_name, event, expected) => {
    const lines = curate([event]);
    expect(lines.map((l) => l.text)).toEqual([expected]);
  });

  it('uses display names when given', () => {
    const lines = curate([entry('role_assigned', T0, { data: { role: 'ops', userId: 'U_B', previousUserId: null } })], { U_B: 'Bea', U_IC: 'Ivan' });
    expect(lines[0]?.text).toBe('Operations Lead assigned to @Bea by @Ivan');
  });
});

describe('curateTimeline: which messages become lines', () => {
  const m = message(at(10), 'Error rate is 40% on /pay', { slackTs: '1.000001' });
  const cases: { name: string; timeline: TimelineEntry[]; expected: ReturnType<typeof summary> }[] = [
    { name: 'plain message: not a line', timeline: [m], expected: [] },
    { name: 'pinned: key', timeline: [m, pin(m)], expected: [{ text: '@U_ENG: Error rate is 40% on /pay', key: true, sections: [] }] },
    { name: 'pin removed (deletedAt): not a line', timeline: [m, pin(m, { deletedAt: at(11) })], expected: [] },
    { name: 'pin then pin_removed entry: not a line', timeline: [m, pin(m), entry('pin_removed', at(12), { slackTs: m.slackTs })], expected: [] },
    { name: 'key reaction', timeline: [m, reaction(m, 'pushpin')], expected: [{ text: '@U_ENG: Error rate is 40% on /pay', key: true, sections: [] }] },
    { name: 'key reaction removed', timeline: [m, reaction(m, 'pushpin', { deletedAt: at(11) })], expected: [] },
    {
      name: 'reaction removed by one of two people: still marked',
      timeline: [m, reaction(m, 'bulb', { actorId: 'U_A' }), reaction(m, 'bulb', { actorId: 'U_B' }), entry('reaction_removed', at(13), { actorId: 'U_A', slackTs: m.slackTs, data: { reaction: 'bulb' } })],
      expected: [{ text: '@U_ENG: Error rate is 40% on /pay', key: false, sections: ['observation'] }],
    },
    {
      name: 'typed reactions give sections in canonical order, skin tones ignored',
      timeline: [m, reaction(m, 'scales'), reaction(m, 'bulb'), reaction(m, 'white_check_mark::skin-tone-3'), reaction(m, 'bulb', { actorId: 'U_OTHER' })],
      expected: [{ text: '@U_ENG: Error rate is 40% on /pay', key: false, sections: ['observation', 'action', 'decision'] }],
    },
    { name: 'unrelated reaction: not a line', timeline: [m, reaction(m, 'eyes')], expected: [] },
    { name: 'deleted message stays out even when pinned', timeline: [{ ...m, text: '', deletedAt: at(20) }, pin(m), reaction(m, 'scales'), curated(m, 'important')], expected: [] },
    { name: 'reaction on another message does not mark this one', timeline: [m, entry('reaction_added', at(11), { slackTs: '9.000009', data: { reaction: 'pushpin' } })], expected: [] },
  ];
  it.each(cases)('$name', ({ timeline, expected }) => {
    expect(summary(curate(timeline).filter((l) => l.kind === 'message'))).toEqual(expected);
  });

  it('curated messages carry their comments, permalink and the edited text', () => {
    const edited = message(at(10), 'Rollback done', { slackTs: '1.000001', editedAt: at(15) });
    const lines = curate([edited, curated(edited, 'This ended the impact'), curated(edited, 'This ended the impact', { actorId: 'U_X' }), curated(edited, '  ')]);
    expect(lines.filter((l) => l.kind === 'message')).toEqual([
      {
        id: edited.id,
        at: at(10),
        kind: 'message',
        text: '@U_ENG: Rollback done',
        actorId: 'U_ENG',
        permalink: 'https://acme.slack.com/archives/C_INC42/p1000001',
        sections: [],
        key: false,
        edited: true,
        comments: [{ actorId: 'U_SCRIBE', text: 'This ended the impact' }],
      },
    ]);
  });

  it('a curated message the bot never recorded still appears, from the curated copy', () => {
    const lines = curate([entry('curated', at(5), { slackTs: '7.000007', text: 'Earlier: CPU pegged on db-1', data: { comment: '' } })]);
    expect(lines.filter((l) => l.kind === 'curated').map((l) => l.text)).toEqual(['Earlier: CPU pegged on db-1']);
  });

  it('reminders, reactions and pins are never lines of their own', () => {
    const m2 = message(at(10), 'x', { slackTs: '1.000001' });
    const lines = curate([entry('reminder', at(1), { text: 'Update due' }), m2, reaction(m2, 'eyes'), pin(m2, { deletedAt: at(12) })]);
    expect(lines).toEqual([]);
  });

  it('reactions on a bot message mark the bot event', () => {
    const note = entry('note', at(3), { text: 'Switching traffic to eu-west-2', slackTs: '3.000003', permalink: 'https://x/p3' });
    const lines = curate([note, reaction(note, 'scales'), pin(note)]);
    expect(summary(lines.filter((l) => l.kind === 'note'))).toEqual([{ text: 'Note by @U_IC: Switching traffic to eu-west-2', key: true, sections: ['decision'] }]);
  });
});

describe('curateTimeline: order', () => {
  it('sorts by time and keeps the input order of equal times', () => {
    const a = message(at(5), 'a', { slackTs: '5.1' });
    const b = message(at(5), 'b', { slackTs: '5.2' });
    const c = statusChange(at(5), 'investigating', 'identified');
    const d = message(at(2), 'd', { slackTs: '2.1' });
    const lines = curate([b, c, a, d, pin(a), pin(b), pin(d)]);
    expect(lines.map((l) => l.id)).toEqual([d.id, b.id, c.id, a.id]);
  });

  it('a milestone line sits at the time it marks; superseded and deleted settings are left out', () => {
    const lines = curate([
      milestone('started', at(-20), at(60)),
      milestone('started', at(-30), at(70), { actorId: 'U_SCRIBE' }),
      milestone('mitigated', at(40), at(80), { deletedAt: at(81) }),
    ]);
    expect(lines.map((l) => [l.at, l.text, l.key])).toEqual([
      [at(-30), 'Started (milestone set by @U_SCRIBE)', true],
    ]);
  });
});
