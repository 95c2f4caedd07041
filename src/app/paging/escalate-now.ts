import { DomainError } from '../../domain/errors.js';
import type { Escalation } from './ports.js';
import { escalatePage, type EscalatePageDeps, type EscalatePageInput } from './escalate-page.js';

/**
 * The Escalate-now button: the next level now, or a refusal saying why not. A second click, or one
 * after an acknowledgement, changes nothing and says so.
 */
export const escalateNow = async (deps: EscalatePageDeps, input: EscalatePageInput & { actorId: string }): Promise<Escalation> => {
  const { escalation, moved } = escalatePage(deps, input);
  if (moved && escalation) return escalation;
  if (escalation?.status === 'acknowledged') throw new DomainError('SAME_VALUE', 'This page was already acknowledged; nothing to escalate.');
  throw new DomainError('SAME_VALUE', escalation?.status === 'active' ? 'This page has already moved on to the next level.' : 'This page has ended; nothing to escalate.');
};
