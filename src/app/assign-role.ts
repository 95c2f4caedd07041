import type { Incident } from '../domain/incident/incident.js';
import { roleLabels, type Role } from '../domain/incident/roles.js';
import { applyCommand } from './apply-command.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from './ports.js';

export interface AssignRoleInput {
  incidentId: string;
  role: Role;
  userId: string;
  actorId: string;
}

/** Hands a role over: history keeps the previous holder's tenure, the new holder is invited and briefed. */
export const assignRole = async (deps: UseCaseDeps, input: AssignRoleInput): Promise<Incident> => {
  const before = incidentById(deps.incidents, input.incidentId);
  const incident = await applyCommand(deps, before, {
    type: 'assign_role',
    role: input.role,
    userId: input.userId,
    actorId: input.actorId,
  });
  if (incident.channelId) {
    await deps.notifier.inviteUsers(incident.channelId, [input.userId]);
    const previous = before.roles[input.role];
    const handover = previous ? ` (taking over from <@${previous}>)` : '';
    await deps.notifier.postToChannel(
      incident.channelId,
      `<@${input.actorId}> made <@${input.userId}> *${roleLabels[input.role]}*${handover}`,
    );
  }
  await deps.notifier.sendRoleChecklist(input.userId, incident, input.role);
  return incident;
};
