import type { Incident } from '../../domain/incident/incident.js';
import { roleLabels, type Role } from '../../domain/incident/roles.js';
import { applyCommand } from './apply-command.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export interface AssignRoleInput {
  incidentId: string;
  role: Role;
  userId: string;
  actorId: string;
}

export type AssignRoleDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

/** Hands a role over: history keeps the previous holder's tenure, the new holder is invited and briefed. */
export const assignRole = async (deps: AssignRoleDeps, input: AssignRoleInput): Promise<Incident> =>
  deps.atomically(() => assignRoleNow(deps, input));

export type AssignRoleNowDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

/** The same, inside the caller's transaction. */
export const assignRoleNow = (deps: AssignRoleNowDeps, input: AssignRoleInput): Incident => {
  const { before, incident } = applyCommand(deps, input.incidentId, {
    type: 'assign_role',
    role: input.role,
    userId: input.userId,
    actorId: input.actorId,
  });
  const previous = before.roles[input.role];
  const handover = previous ? ` (taking over from <@${previous}>)` : '';
  enqueue(
    deps,
    effect.invite(incident.id, [input.userId], input.actorId),
    effect.postLine(incident.id, `<@${input.actorId}> made <@${input.userId}> *${roleLabels[input.role]}*${handover}`, input.actorId),
    effect.sendChecklist(incident.id, input.userId, input.role),
  );
  return incident;
};
