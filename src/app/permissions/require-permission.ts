import { DomainError } from '../../domain/errors.js';
import type { Incident } from '../../domain/incident/incident.js';
import { decide, type RestrictedAction } from '../../domain/permissions/permissions.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type PermissionDeps = Pick<UseCaseDeps, 'config' | 'userGroups' | 'log'>;

/**
 * Why `actorId` may not do `action` (about `incident`, whose role holders may be granted it), or
 * undefined when they may. Nothing is logged: this is for what a form offers before anyone asks.
 */
export const whyNot = (deps: Pick<UseCaseDeps, 'config' | 'userGroups'>, action: RestrictedAction, actorId: string, incident?: Pick<Incident, 'roles'>): string | undefined => {
  const verdict = decide(deps.config().permissions, action, {
    actorId,
    roleHolders: incident ? Object.values(incident.roles) : [],
    members: (groupId) => deps.userGroups.membersOf(groupId),
  });
  return verdict.allowed ? undefined : verdict.reason;
};

/**
 * `whyNot` for a person asking: a form shows it next to the field before it closes. Each refusal is
 * logged (who, what), for whoever reviews the rules.
 */
export const permissionProblem = (deps: PermissionDeps, action: RestrictedAction, actorId: string, incident?: Pick<Incident, 'id' | 'roles'>): string | undefined => {
  const reason = whyNot(deps, action, actorId, incident);
  if (reason) deps.log.info({ action, actorId, ...(incident ? { incidentId: incident.id } : {}) }, 'permission refused');
  return reason;
};

/** Refuses (NOT_PERMITTED, saying who may) unless `actorId` may do `action`. */
export const requirePermission = (deps: PermissionDeps, action: RestrictedAction, actorId: string, incident?: Pick<Incident, 'id' | 'roles'>, field?: string): void => {
  const problem = permissionProblem(deps, action, actorId, incident);
  if (problem) throw new DomainError('NOT_PERMITTED', problem, field);
};
