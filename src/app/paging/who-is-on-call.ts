import { DomainError } from '../../domain/errors.js';
import { byTier } from '../../domain/escalation/services.js';
import { findService, policyForService } from '../../domain/escalation/escalation.js';
import { nextChange, onCallAt } from '../../domain/escalation/schedule.js';
import type { EscalationPolicy } from '../../domain/escalation/types.js';
import type { IncidentConfig } from '../../config/incident-config.js';

export interface TargetOnCall {
  /** `schedule:payments-primary`, `user:U…`, `usergroup:S…` */
  target: string;
  kind: 'schedule' | 'user' | 'usergroup';
  id: string;
  now: string[];
  /** The next change of who is on call, for schedules. */
  next: { at: number; users: string[] } | null;
}

export interface OnCallAnswer {
  subject: string;
  policyId: string;
  levels: { after: string; targets: TargetOnCall[] }[];
}

const describePolicy = (config: IncidentConfig, policy: EscalationPolicy, at: number): OnCallAnswer['levels'] =>
  policy.levels.map((level) => ({
    after: level.after.text,
    targets: level.targets.map((target) => {
      if (target.kind !== 'schedule') {
        return { target: `${target.kind}:${target.id}`, kind: target.kind, id: target.id, now: target.kind === 'user' ? [target.id] : [], next: null };
      }
      const schedule = config.schedules.find((candidate) => candidate.id === target.id);
      return {
        target: `schedule:${target.id}`,
        kind: 'schedule' as const,
        id: target.id,
        now: schedule ? onCallAt(schedule, at) : [],
        next: schedule ? (nextChange(schedule, at) ?? null) : null,
      };
    }),
  }));

/** `/incident oncall [service|team]`: for each matching service or team, who is on call now and next at each level. */
export const whoIsOnCall = (config: IncidentConfig, filter: string, at: number): OnCallAnswer[] => {
  const wanted = filter.trim().toLowerCase();
  const answers: OnCallAnswer[] = [];
  const seen = new Set<string>();
  const add = (subject: string, policy: EscalationPolicy | undefined) => {
    if (!policy || seen.has(`${subject}|${policy.id}`)) return;
    seen.add(`${subject}|${policy.id}`);
    answers.push({ subject, policyId: policy.id, levels: describePolicy(config, policy, at) });
  };
  if (wanted) {
    const service = findService(config, wanted);
    if (service) add(service.name, policyForService(config, service));
    const team = config.teams.find((candidate) => candidate.id.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
    if (team) add(`${team.name} (team)`, config.escalationPolicies.find((policy) => policy.id === team.escalationPolicy));
    if (!service && !team) {
      throw new DomainError('INVALID_INPUT', `No service or team called \`${filter.trim()}\`. Try \`/incident oncall\` for all of them.`);
    }
  } else {
    for (const service of byTier(config.services)) add(service.name, policyForService(config, service));
    for (const team of config.teams) add(`${team.name} (team)`, config.escalationPolicies.find((policy) => policy.id === team.escalationPolicy));
  }
  return answers;
};
