import { byTier } from '../../domain/escalation/services.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** The configured services as a form offers them: most critical tier first. */
export const serviceChoices = (deps: Pick<UseCaseDeps, 'config'>): { id: string; name: string }[] => byTier(deps.config().services);
