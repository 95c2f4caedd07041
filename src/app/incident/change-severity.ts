import type { Incident } from '../../domain/incident/incident.js';
import type { Severity } from '../../domain/incident/severity.js';
import { applyCommand } from './apply-command.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export interface ChangeSeverityInput {
  incidentId: string;
  to: Severity;
  actorId: string;
}

export type ChangeSeverityDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

export const changeSeverity = async (deps: ChangeSeverityDeps, input: ChangeSeverityInput): Promise<Incident> =>
  deps.atomically(() => {
    const { before, incident } = applyCommand(deps, input.incidentId, { type: 'change_severity', to: input.to, actorId: input.actorId });
    enqueue(deps, effect.postLine(incident.id, `<@${input.actorId}> changed the severity from *${before.severity}* to *${incident.severity}*`, input.actorId));
    return incident;
  });
