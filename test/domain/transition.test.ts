import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../src/domain/errors.js';
import type { Incident } from '../../src/domain/incident/incident.js';
import { roles, type Role } from '../../src/domain/incident/roles.js';
import { severities, type Severity } from '../../src/domain/incident/severity.js';
import { statusLabels, statuses, type Status } from '../../src/domain/incident/status.js';
import { transition, type IncidentCommand, type TransitionResult } from '../../src/domain/incident/transition.js';
import { deepFreeze, makeIncidentIn, T_NOW } from './make-incident.js';

// ---------------------------------------------------------------------------------------------
// Expected lifecycle, written by hand from the spec (deliberately NOT derived from
// `allowedTransitions`). Every one of the 36 (from, to) pairs is spelled out.
//   ok       → allowed, event kind 'status_changed'
//   reopen   → allowed, event kind 'reopened', resolvedAt cleared
//   same     → refused SAME_VALUE ("INC-7 is already resolved.")
//   no       → refused TRANSITION_NOT_ALLOWED
//   finished → refused INCIDENT_FINISHED
// ---------------------------------------------------------------------------------------------
type Outcome = 'ok' | 'reopen' | 'same' | 'no' | 'finished';

const expectedLifecycle: Record<Status, Record<Status, Outcome>> = {
  investigating: {
    investigating: 'same',
    identified: 'ok',
    monitoring: 'ok',
    resolved: 'ok',
    closed: 'no',
    cancelled: 'ok',
  },
  identified: {
    investigating: 'ok',
    identified: 'same',
    monitoring: 'ok',
    resolved: 'ok',
    closed: 'no',
    cancelled: 'ok',
  },
  monitoring: {
    investigating: 'ok',
    identified: 'ok',
    monitoring: 'same',
    resolved: 'ok',
    closed: 'no',
    cancelled: 'ok',
  },
  resolved: {
    investigating: 'reopen',
    identified: 'no',
    monitoring: 'no',
    resolved: 'same',
    closed: 'ok',
    cancelled: 'no',
  },
  closed: {
    investigating: 'finished',
    identified: 'finished',
    monitoring: 'finished',
    resolved: 'finished',
    closed: 'same',
    cancelled: 'finished',
  },
  cancelled: {
    investigating: 'finished',
    identified: 'finished',
    monitoring: 'finished',
    resolved: 'finished',
    closed: 'finished',
    cancelled: 'same',
  },
};

const finishedStatuses: readonly Status[] = ['closed', 'cancelled'];

const expectOk = (result: TransitionResult): Extract<TransitionResult, { ok: true }> => {
  if (!result.ok) throw new Error(`expected ok, got refusal ${result.error.code}: ${result.error.message}`);
  return result;
};

const expectRefused = (result: TransitionResult, code: ErrorCode): DomainError => {
  if (result.ok) throw new Error(`expected refusal ${code}, got ok (status ${result.incident.status})`);
  expect(result.error).toBeInstanceOf(DomainError);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error;
};

/** Runs `command` on a deep-frozen incident and checks the input is left exactly as it was. */
const runPure = (incident: Incident, command: IncidentCommand, now = T_NOW): TransitionResult => {
  const snapshot = structuredClone(incident);
  deepFreeze(incident);
  const result = transition(incident, command, now);
  expect(incident).toStrictEqual(snapshot);
  if (result.ok) expect(result.incident).not.toBe(incident);
  return result;
};

const crossProduct = statuses.flatMap((from) =>
  statuses.map((to) => ({ from, to, outcome: expectedLifecycle[from][to] })),
);

describe('transition: set_status', () => {
  it('the hand-written table covers exactly the declared statuses (6×6)', () => {
    expect([...statuses].sort()).toStrictEqual(Object.keys(expectedLifecycle).sort());
    for (const from of statuses) {
      expect([...statuses].sort()).toStrictEqual(Object.keys(expectedLifecycle[from]).sort());
    }
    expect(crossProduct).toHaveLength(36);
  });

  it('the table has the expected number of allowed moves (4+4+4+2)', () => {
    const allowed = crossProduct.filter((c) => c.outcome === 'ok' || c.outcome === 'reopen');
    expect(allowed).toHaveLength(14);
  });

  const allowed = crossProduct.filter((c) => c.outcome === 'ok' || c.outcome === 'reopen');
  it.each(allowed)('$from → $to is allowed ($outcome)', ({ from, to, outcome }) => {
    const before = makeIncidentIn(from);
    const expectedBefore = structuredClone(before);
    const result = expectOk(
      runPure(before, { type: 'set_status', to, actorId: 'U_ACTOR', reason: `moving to ${to}` }),
    );

    const expectedResolvedAt = to === 'resolved' ? T_NOW : outcome === 'reopen' ? null : expectedBefore.resolvedAt;
    const expectedClosedAt = to === 'closed' || to === 'cancelled' ? T_NOW : expectedBefore.closedAt;

    // Only status and the three timestamps change; every other field is carried over untouched.
    expect(result.incident).toStrictEqual({
      ...expectedBefore,
      status: to,
      updatedAt: T_NOW,
      resolvedAt: expectedResolvedAt,
      closedAt: expectedClosedAt,
    });

    expect(result.events).toStrictEqual([
      {
        kind: outcome === 'reopen' ? 'reopened' : 'status_changed',
        actorId: 'U_ACTOR',
        at: T_NOW,
        text: `moving to ${to}`,
        data: { from, to },
      },
    ]);
  });

  const refused = crossProduct.filter((c) => c.outcome !== 'ok' && c.outcome !== 'reopen');
  it.each(refused)('$from → $to is refused ($outcome)', ({ from, to, outcome }) => {
    const code: ErrorCode = outcome === 'finished' ? 'INCIDENT_FINISHED' : outcome === 'same' ? 'SAME_VALUE' : 'TRANSITION_NOT_ALLOWED';
    const incident = makeIncidentIn(from);
    const error = expectRefused(runPure(incident, { type: 'set_status', to, actorId: 'U_ACTOR' }), code);
    // A same-state move says where the incident already is, not that the lifecycle forbids it.
    if (outcome === 'same') expect(error.message).toBe(`INC-${incident.number} is already ${statusLabels[to].toLowerCase()}.`);
    else expect(error.message).not.toContain(`from ${from} to ${from}`);
  });

  it('uses an empty event text when no reason is given', () => {
    const result = expectOk(runPure(makeIncidentIn('investigating'), { type: 'set_status', to: 'identified', actorId: 'U_A' }));
    expect(result.events[0]?.text).toBe('');
  });

  it('resolved → investigating → resolved again stamps a fresh resolvedAt', () => {
    const reopened = expectOk(
      runPure(makeIncidentIn('resolved'), { type: 'set_status', to: 'investigating', actorId: 'U_A' }, T_NOW),
    ).incident;
    expect(reopened.resolvedAt).toBeNull();
    const later = T_NOW + 60_000;
    const resolvedAgain = expectOk(
      runPure(structuredClone(reopened), { type: 'set_status', to: 'resolved', actorId: 'U_A' }, later),
    );
    expect(resolvedAgain.incident.resolvedAt).toBe(later);
    expect(resolvedAgain.events[0]?.kind).toBe('status_changed');
  });

  it('resolved → closed keeps the original resolvedAt', () => {
    const before = makeIncidentIn('resolved');
    const resolvedAt = before.resolvedAt;
    expect(resolvedAt).not.toBeNull();
    const result = expectOk(runPure(before, { type: 'set_status', to: 'closed', actorId: 'U_A' }));
    expect(result.incident.resolvedAt).toBe(resolvedAt);
    expect(result.incident.closedAt).toBe(T_NOW);
  });
});

describe('transition: change_severity', () => {
  const cases = statuses.flatMap((status) =>
    severities.flatMap((from) => severities.map((to) => ({ status, from, to }))),
  );

  it('covers every status × severity × severity', () => {
    expect(cases).toHaveLength(6 * 4 * 4);
  });

  it.each(cases)('$status: $from → $to', ({ status, from, to }) => {
    const before = makeIncidentIn(status, { severity: from });
    const expectedBefore = structuredClone(before);
    const result = runPure(before, { type: 'change_severity', to, actorId: 'U_ACTOR' });

    if (finishedStatuses.includes(status)) {
      expectRefused(result, 'INCIDENT_FINISHED');
      return;
    }
    if (from === to) {
      expect(expectRefused(result, 'SAME_VALUE').message).toBe(`INC-${before.number} is already ${to}.`);
      return;
    }
    const ok = expectOk(result);
    expect(ok.incident).toStrictEqual({ ...expectedBefore, severity: to, updatedAt: T_NOW });
    expect(ok.events).toStrictEqual([
      { kind: 'severity_changed', actorId: 'U_ACTOR', at: T_NOW, text: '', data: { from, to } },
    ]);
  });
});

describe('transition: assign_role', () => {
  type Holder = 'none' | 'other' | 'same';
  const holders: readonly Holder[] = ['none', 'other', 'same'];
  const cases = statuses.flatMap((status) =>
    roles.flatMap((role) => holders.map((holder) => ({ status, role, holder }))),
  );

  const rolesFor = (role: Role, holder: Holder): Partial<Record<Role, string>> => {
    // Another role is always held, to check it survives the assignment.
    const bystander: Role = role === 'scribe' ? 'ops' : 'scribe';
    const base: Partial<Record<Role, string>> = { [bystander]: 'U_BYSTANDER' };
    if (holder === 'other') base[role] = 'U_OLD';
    if (holder === 'same') base[role] = 'U_NEW';
    return base;
  };

  it('covers every status × role × holder situation', () => {
    expect(cases).toHaveLength(6 * 4 * 3);
  });

  it.each(cases)('$status: $role held by $holder → U_NEW', ({ status, role, holder }) => {
    const before = makeIncidentIn(status, { roles: rolesFor(role, holder) });
    const expectedBefore = structuredClone(before);
    const result = runPure(before, { type: 'assign_role', role, userId: 'U_NEW', actorId: 'U_ACTOR' });

    if (finishedStatuses.includes(status)) {
      expectRefused(result, 'INCIDENT_FINISHED');
      return;
    }
    if (holder === 'same') {
      expectRefused(result, 'SAME_VALUE');
      return;
    }
    const ok = expectOk(result);
    expect(ok.incident).toStrictEqual({
      ...expectedBefore,
      roles: { ...expectedBefore.roles, [role]: 'U_NEW' },
      updatedAt: T_NOW,
    });
    expect(ok.incident.roles).not.toBe(before.roles);
    expect(ok.events).toStrictEqual([
      {
        kind: 'role_assigned',
        actorId: 'U_ACTOR',
        at: T_NOW,
        text: '',
        data: { role, userId: 'U_NEW', previousUserId: holder === 'other' ? 'U_OLD' : null },
      },
    ]);
  });
});

describe('transition: finished incidents refuse every command kind', () => {
  const commands: IncidentCommand[] = [
    { type: 'set_status', to: 'investigating', actorId: 'U_A' },
    { type: 'change_severity', to: 'SEV1', actorId: 'U_A' },
    { type: 'assign_role', role: 'commander', userId: 'U_SOMEONE_ELSE', actorId: 'U_A' },
  ];
  const cases = finishedStatuses.flatMap((status) => commands.map((command) => ({ status, command })));
  it.each(cases)('$status refuses $command.type', ({ status, command }) => {
    expectRefused(runPure(makeIncidentIn(status, { severity: 'SEV3' as Severity }), command), 'INCIDENT_FINISHED');
  });
});
