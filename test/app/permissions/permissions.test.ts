import { afterEach, describe, expect, it } from 'vitest';
import { putApiMaintenance } from '../../../src/app/alerts/api-maintenance.js';
import { expireSilence } from '../../../src/app/alerts/expire-silence.js';
import { createSilence } from '../../../src/app/alerts/silence-alerts.js';
import { postUpdate } from '../../../src/app/communication/post-update.js';
import { cancelMaintenance, scheduleMaintenance } from '../../../src/app/communication/schedule-maintenance.js';
import { changeStatus } from '../../../src/app/incident/change-status.js';
import { declareIncident } from '../../../src/app/incident/declare-incident.js';
import { expireDrills } from '../../../src/app/incident/expire-drills.js';
import type { NewIncident } from '../../../src/app/incident/ports.js';
import { DomainError } from '../../../src/domain/errors.js';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-deps.js';

/**
 * permissions in the use cases: whatever the way in (a command, a button, a form), a person the
 * configuration does not name is refused before anything is written, with who may; the bot's own
 * steps and the API (its own token) are not people and are not asked.
 */
let world: UseCaseWorld;
afterEach(() => world.close());

const configYaml = `
services: [{ id: payments }]
permissions:
  admins: [U0ADMIN]
  publish: [incident_roles, S0COMMS]
  maintenance: [S0SRE]
  silence: [S0SRE]
  cancel: [incident_roles]
`;
const groups = { S0COMMS: ['U0COMMS'], S0SRE: ['U0SRE'] };
const hour = 3_600_000;

const declare = async (fields: Partial<NewIncident> = {}) => {
  const incident = await declareIncident(world.deps, {
    title: 'Payments down',
    severity: 'SEV2',
    summary: '',
    impact: '',
    services: ['payments'],
    isPrivate: false,
    reporterId: 'U0REPORTER',
    commanderId: 'U0IC',
    ...fields,
  });
  await world.runDueJobs();
  return incident;
};

/** The refusal `work` ends in, as the person would read it; fails when it is not refused. */
const refusal = async (work: () => unknown): Promise<{ message: string; field?: string | undefined }> => {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOT_PERMITTED');
    return { message: (error as DomainError).message, field: (error as DomainError).field };
  }
  throw new Error('expected a refusal');
};

const update = (incidentId: string, actorId: string, customerMessage: string | null, useTemplate = false) =>
  postUpdate(world.deps, { incidentId, actorId, whatChanged: 'Rolled back the deploy', customerMessage, useTemplate, nextUpdateInMinutes: 30 });

describe('permissions in the use cases', () => {
  it('lets anyone post an update, and only role holders, the comms group and admins write to customers', async () => {
    world = useCaseWorld({ configYaml, userGroups: groups });
    const incident = await declare();
    await update(incident.id, 'U0BYSTANDER', null);
    expect(await refusal(() => update(incident.id, 'U0BYSTANDER', 'We are looking into payment failures.'))).toEqual({
      message: "Only the incident's role holders or members of user group `S0COMMS` may publish to the public status page (admins may too: <@U0ADMIN>).",
      field: 'customer_message',
    });
    expect((await refusal(() => update(incident.id, 'U0BYSTANDER', null, true))).field).toBe('use_template');
    const published = () => world.deps.updates.listForIncident(incident.id).filter((each) => each.customerMessage !== null).map((each) => each.postedBy);
    expect(published()).toEqual([]);
    // Nothing of a refused update is kept: one update so far, the bystander's internal one.
    expect(world.deps.updates.listForIncident(incident.id)).toHaveLength(1);
    for (const actorId of ['U0IC', 'U0COMMS', 'U0ADMIN']) await update(incident.id, actorId, `Update from ${actorId}`);
    expect(published()).toEqual(['U0IC', 'U0COMMS', 'U0ADMIN']);
  });

  it('refuses a status change to cancelled to someone without a role, and leaves the incident as it was', async () => {
    world = useCaseWorld({ configYaml, userGroups: groups });
    const incident = await declare();
    expect(await refusal(() => changeStatus(world.deps, { incidentId: incident.id, to: 'cancelled', actorId: 'U0BYSTANDER' }))).toMatchObject({ field: 'status' });
    expect(world.deps.incidents.findById(incident.id)?.status).toBe('investigating');
    // Other statuses stay anyone's.
    await changeStatus(world.deps, { incidentId: incident.id, to: 'identified', actorId: 'U0BYSTANDER' });
    await changeStatus(world.deps, { incidentId: incident.id, to: 'cancelled', actorId: 'U0IC' });
    expect(world.deps.incidents.findById(incident.id)?.status).toBe('cancelled');
  });

  it('still lets the bot end an expired drill, which no person asked for', async () => {
    world = useCaseWorld({ configYaml: `${configYaml}\ndrills: { expire_after: 1h }`, userGroups: groups });
    const drill = await declare({ isDrill: true });
    world.clock.advance(2 * hour);
    await expireDrills(world.deps);
    expect(world.deps.incidents.findById(drill.id)?.status).toBe('cancelled');
  });

  it('keeps silences to the SRE group, creating and expiring', async () => {
    world = useCaseWorld({ configYaml, userGroups: groups });
    const input = { matchers: [{ name: 'alertname', op: '=' as const, value: 'DiskFull' }], durationMs: hour, reason: 'known', holdsPages: false };
    expect(await refusal(() => createSilence(world.deps, { ...input, createdBy: 'U0BYSTANDER' }))).toMatchObject({ field: 'silence_matchers' });
    expect(world.deps.alerts.activeSilences(world.clock.now())).toEqual([]);
    const { silence } = createSilence(world.deps, { ...input, createdBy: 'U0SRE' });
    await refusal(() => expireSilence(world.deps, { silenceId: silence.id, actorId: 'U0BYSTANDER' }));
    expect(world.deps.alerts.activeSilences(world.clock.now())).toHaveLength(1);
    expireSilence(world.deps, { silenceId: silence.id, actorId: 'U0ADMIN' });
    expect(world.deps.alerts.activeSilences(world.clock.now())).toEqual([]);
  });

  it('keeps maintenance windows scheduled in Slack to the SRE group, and not the API, which has its own token', async () => {
    world = useCaseWorld({ configYaml, userGroups: groups });
    const now = world.clock.now();
    const window = { title: 'DB upgrade', message: 'Brief pauses', services: ['payments'], startsAt: now + hour, endsAt: now + 2 * hour };
    expect(await refusal(() => scheduleMaintenance(world.deps, { ...window, createdBy: 'U0BYSTANDER' }))).toMatchObject({ field: 'maintenance_title' });
    expect(world.deps.maintenances.listEndingAfter(now)).toEqual([]);
    const scheduled = await scheduleMaintenance(world.deps, { ...window, createdBy: 'U0SRE' });
    await refusal(() => cancelMaintenance(world.deps, { maintenanceId: scheduled.id, actorId: 'U0BYSTANDER' }));
    expect(world.deps.maintenances.findById(scheduled.id)?.cancelledAt).toBeNull();
    await putApiMaintenance(world.deps, { id: 'CHG-1', title: 'Patch night', services: ['payments'], startsAt: now + hour, endsAt: now + 2 * hour, isPublic: true, message: null });
    expect(world.deps.maintenances.listEndingAfter(now).map((each) => each.title).sort()).toEqual(['DB upgrade', 'Patch night']);
  });

  it('says it cannot tell yet when the group that would allow it has not been read, and lets others through', async () => {
    world = useCaseWorld({ configYaml, userGroups: { S0COMMS: ['U0COMMS'] } });
    const input = { matchers: [{ name: 'alertname', op: '=' as const, value: 'DiskFull' }], durationMs: hour, reason: 'known', holdsPages: false };
    expect((await refusal(() => createSilence(world.deps, { ...input, createdBy: 'U0SRE' }))).message).toBe(
      'I could not read the members of user group `S0SRE` from Slack yet, so I cannot tell whether you may create or expire alert silences. Try again in a minute.',
    );
    createSilence(world.deps, { ...input, createdBy: 'U0ADMIN' });
  });
});
