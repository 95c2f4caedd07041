import { onCallAt } from './schedule.js';
import type { Duration, EscalationLevel, EscalationPolicy, ServiceCatalog, Schedule, ServiceConfig } from './types.js';

export interface EscalationPosition {
  levelIndex: number;
  pass: number;
}

/** After `position` went unacknowledged: the next level, the first level of the next pass, or the end. */
export const nextEscalationStep = (policy: EscalationPolicy, position: EscalationPosition): EscalationPosition | null => {
  if (position.levelIndex + 1 < policy.levels.length) return { levelIndex: position.levelIndex + 1, pass: position.pass };
  if (position.pass < policy.repeat) return { levelIndex: 0, pass: position.pass + 1 };
  return null;
};

export interface LevelRecipients {
  /** People to page directly: named users and whoever is on call in the named schedules. */
  users: string[];
  /** User groups whose members the caller must look up. */
  usergroups: string[];
  /** Schedules that had nobody on call at that instant. */
  emptySchedules: string[];
}

export const levelRecipients = (level: EscalationLevel, schedules: readonly Schedule[], at: number): LevelRecipients => {
  const users: string[] = [];
  const usergroups: string[] = [];
  const emptySchedules: string[] = [];
  for (const target of level.targets) {
    if (target.kind === 'user') users.push(target.id);
    else if (target.kind === 'usergroup') usergroups.push(target.id);
    else {
      const schedule = schedules.find((candidate) => candidate.id === target.id);
      const onCall = schedule ? onCallAt(schedule, at) : [];
      if (onCall.length === 0) emptySchedules.push(target.id);
      users.push(...onCall);
    }
  }
  return { users: [...new Set(users)], usergroups: [...new Set(usergroups)], emptySchedules };
};

const fiveMinutes: Duration = { text: '5m', ms: 5 * 60_000, calendarDays: null };

/** `/incident page @user`: page that person, and again twice five minutes apart until they acknowledge. */
export const directPagePolicy = (userId: string): EscalationPolicy => ({
  id: `user:${userId}`,
  levels: [{ targets: [{ kind: 'user', id: userId }], after: fiveMinutes }],
  repeat: 2,
});

/** A service's own policy wins over its team's. */
export const policyForService = (config: ServiceCatalog, service: ServiceConfig): EscalationPolicy | undefined => {
  const team = service.team ? config.teams.find((candidate) => candidate.id === service.team) : undefined;
  const policyId = service.escalationPolicy ?? team?.escalationPolicy ?? null;
  return policyId ? config.escalationPolicies.find((policy) => policy.id === policyId) : undefined;
};

/** Finds a service by id or (case-insensitive) name. */
export const findService = (config: ServiceCatalog, idOrName: string): ServiceConfig | undefined => {
  const wanted = idOrName.trim().toLowerCase();
  return config.services.find((service) => service.id.toLowerCase() === wanted || service.name.toLowerCase() === wanted);
};
