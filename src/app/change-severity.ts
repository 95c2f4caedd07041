import type { Incident } from '../domain/incident/incident.js';
import type { Severity } from '../domain/incident/severity.js';
import { applyCommand } from './apply-command.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from './ports.js';

export interface ChangeSeverityInput {
  incidentId: string;
  to: Severity;
  actorId: string;
}

export const changeSeverity = async (deps: UseCaseDeps, input: ChangeSeverityInput): Promise<Incident> => {
  const before = incidentById(deps.incidents, input.incidentId);
  const incident = await applyCommand(deps, before, { type: 'change_severity', to: input.to, actorId: input.actorId });
  if (incident.channelId) {
    await deps.notifier.postToChannel(
      incident.channelId,
      `<@${input.actorId}> changed the severity from *${before.severity}* to *${incident.severity}*`,
    );
  }
  return incident;
};
