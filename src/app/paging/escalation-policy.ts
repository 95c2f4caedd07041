import { DomainError } from '../../domain/errors.js';
import { directPagePolicy, findService, policyForService } from '../../domain/escalation/escalation.js';
import type { EscalationPolicy } from '../../domain/escalation/types.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import type { Escalation } from './ports.js';
import type { PageContext } from './page-level.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';

/** The policy and wording behind an escalation, from the configuration in force now. */
export const resolvePolicy = (
  config: IncidentConfig,
  escalation: Pick<Escalation, 'targetKind' | 'targetId'>,
): { policy: EscalationPolicy; context: PageContext } => {
  if (escalation.targetKind === 'user') {
    return { policy: directPagePolicy(escalation.targetId), context: { about: 'you (direct page)', runbook: null } };
  }
  const service = findService(config, escalation.targetId);
  if (!service) {
    throw new DomainError('INVALID_INPUT', `No service \`${escapeUserText(escalation.targetId)}\` in the configuration. \`/incident oncall\` lists them.`);
  }
  const policy = policyForService(config, service);
  if (!policy) {
    throw new DomainError('INVALID_INPUT', `Service *${service.name}* has no escalation policy (set one on the service or its team).`);
  }
  return { policy, context: { about: service.name, runbook: service.runbook } };
};
