import type { EscalationPolicy, Schedule, ServiceConfig, TeamConfig } from './types.js';

/** The part of the configuration that says who answers for what. */
interface Rosters {
  teams: readonly TeamConfig[];
  services: readonly ServiceConfig[];
  escalationPolicies: readonly EscalationPolicy[];
  schedules: readonly Schedule[];
}

const onPolicy = (config: Rosters, policy: EscalationPolicy, userId: string): boolean =>
  policy.levels.some((level) =>
    level.targets.some((target) => {
      if (target.kind === 'user') return target.id === userId;
      if (target.kind !== 'schedule') return false;
      const schedule = config.schedules.find((candidate) => candidate.id === target.id);
      return Boolean(schedule && (schedule.layers.some((layer) => layer.users.includes(userId)) || schedule.overrides.some((override) => override.user === userId)));
    }),
  );

/**
 * The teams a person answers for: those whose escalation policy (the team's, or one of its services'
 * own) names them, directly or through a schedule they rotate on, whether on call now or not. User
 * groups are Slack's to expand, so membership through one is not seen here.
 */
export const teamsOf = (config: Rosters, userId: string): string[] =>
  config.teams
    .filter((team) => {
      const policyIds = new Set([team.escalationPolicy, ...config.services.filter((service) => service.team === team.id).map((service) => service.escalationPolicy)]);
      return config.escalationPolicies.some((policy) => policyIds.has(policy.id) && onPolicy(config, policy, userId));
    })
    .map((team) => team.id);
