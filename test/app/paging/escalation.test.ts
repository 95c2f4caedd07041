import { afterEach, describe, expect, it } from 'vitest';
import { onCallAt } from '../../../src/domain/escalation/schedule.js';
import { declareIncident } from '../../../src/app/incident/declare-incident.js';
import { acknowledgePage } from '../../../src/app/paging/acknowledge-page.js';
import { changeStatus } from '../../../src/app/incident/change-status.js';
import type { NewIncident } from '../../../src/app/incident/ports.js';
import { oncall, pagingConfigYaml } from '../../support/paging-config.js';
import { jobHandlers } from '../../../src/scheduler/job-handlers.js';
import { messagesOfKind, useCaseWorld, type UseCaseWorld } from '../../support/use-case-deps.js';

/**
 * The escalation policy as use cases, on in-memory SQLite with Slack recorded: who is paged when,
 * how often, and when it stops. What a page DM looks like and its buttons are test/e2e/paging.test.ts.
 */
let world: UseCaseWorld;
afterEach(() => world.close());

const incident = (fields: Partial<NewIncident> = {}): NewIncident => ({
  title: 'Payments down',
  severity: 'SEV1',
  summary: '',
  impact: '',
  services: ['payments'],
  isPrivate: false,
  reporterId: 'U0REPORTER',
  commanderId: 'U0COMMANDR',
  ...fields,
});
const declare = async (fields: Partial<NewIncident> = {}) => {
  const declared = await declareIncident(world.deps, incident(fields));
  await world.runDueJobs();
  return declared;
};
/** Users paged so far, in order. */
const paged = () => messagesOfKind(world.callsTo('sendDm'), 'page').map(({ to }) => to);
const pagesTo = (user: string) => paged().filter((candidate) => candidate === user).length;
const linesPosted = () => messagesOfKind(world.callsTo('post'), 'line').map(({ message }) => message.text);
const primaryNow = () => onCallAt(world.deps.config().schedules[0]!, world.clock.now())[0]!;
const kinds = (incidentId: string) => world.deps.timeline.list(incidentId).map((entry) => entry.kind);

describe('paging a SEV1 by its escalation policy', () => {
  it('pages level 1 at once and level 2 exactly when the level’s wait runs out', async () => {
    world = useCaseWorld({ configYaml: pagingConfigYaml() });
    // Two services of one team share its policy: its people are paged once, not once per service.
    await declare({ services: ['payments', 'checkout'] });
    expect(paged()).toEqual([primaryNow()]);
    await world.advance(29_999);
    expect(pagesTo(oncall.manager)).toBe(0);
    await world.advance(1);
    expect(paged()).toEqual([primaryNow(), oncall.manager]);
  });

  it('does not escalate a level twice when the process was killed after storing the escalation, before marking its job done', async () => {
    world = useCaseWorld({ configYaml: pagingConfigYaml({ repeat: 1 }) });
    await declare();
    const primary = primaryNow();
    world.clock.advance(30_000);
    // The scheduler claims the level's escalation and its handler commits; then the process dies.
    const [job] = world.deps.jobs.claimDue(world.clock.now(), 10, 'killed-run').filter((claimed) => claimed.kind === 'escalate');
    await jobHandlers(world.deps).escalate(job!);
    // Started again: what the killed process had claimed goes back to pending, and what is due runs.
    world.deps.jobs.recoverInterrupted('next-run', world.clock.now());
    await world.runDueJobs();
    expect(paged()).toEqual([primary, oncall.manager]);
  });

  it('repeats the policy as configured, then says loudly that nobody answered', async () => {
    world = useCaseWorld({ configYaml: pagingConfigYaml({ repeat: 1 }) });
    const declared = await declare();
    const primary = primaryNow();
    for (let step = 0; step < 4; step += 1) await world.advance(30_000);
    expect(paged()).toEqual([primary, oncall.manager, primary, oncall.manager]);
    expect(linesPosted().at(-1)).toContain('Nobody acknowledged the page for *Payments API* after 2 pass(es)');
    expect(kinds(declared.id)).toContain('escalation_exhausted');
    expect(world.deps.escalations.listForIncident(declared.id).map((escalation) => escalation.status)).toEqual(['exhausted']);
    // Nothing more falls due, however long nobody answers.
    await world.advance(24 * 3_600_000);
    expect(paged()).toHaveLength(4);
  });

  it('stops the chain when acknowledged: nobody else is paged, the page DMs are closed', async () => {
    world = useCaseWorld({ configYaml: pagingConfigYaml({ repeat: 1 }) });
    const declared = await declare();
    await world.advance(30_000);
    const [escalation] = world.deps.escalations.listForIncident(declared.id);
    await acknowledgePage(world.deps, { escalationId: escalation!.id, userId: oncall.manager });
    await world.runDueJobs();
    await world.advance(10 * 60_000);
    expect(paged()).toEqual([primaryNow(), oncall.manager]);
    expect(world.deps.escalations.findById(escalation!.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: oncall.manager, levelIndex: 1 });
    expect(messagesOfKind(world.callsTo('update'), 'page_closed').map(({ message }) => message.outcome)).toEqual([`Acknowledged by <@${oncall.manager}>`, `Acknowledged by <@${oncall.manager}>`]);
    expect(kinds(declared.id)).toEqual(expect.arrayContaining(['paged', 'page_acknowledged']));
  });

  it('ends the pages when the incident is resolved: nobody is paged afterwards', async () => {
    world = useCaseWorld({ configYaml: pagingConfigYaml() });
    const declared = await declare();
    await changeStatus(world.deps, { incidentId: declared.id, to: 'resolved', actorId: 'U0COMMANDR' });
    await world.runDueJobs();
    for (let minute = 0; minute < 30; minute += 1) await world.advance(60_000);
    expect(paged()).toEqual([primaryNow()]);
    expect(world.deps.escalations.listForIncident(declared.id).map((escalation) => escalation.status)).toEqual(['cancelled']);
  });

  it('does not page for a severity whose policy says page: false', async () => {
    world = useCaseWorld({ configYaml: `${pagingConfigYaml()}  - { id: SEV3, page: false }\n` });
    const declared = await declare({ severity: 'SEV3' });
    await world.advance(60 * 60_000);
    expect(paged()).toEqual([]);
    expect(world.deps.escalations.listForIncident(declared.id)).toEqual([]);
    expect(kinds(declared.id)).toContain('declared');
  });
});
