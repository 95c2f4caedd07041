import { DomainError } from '../domain/errors.js';
import type { Incident } from '../domain/incident/incident.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from './ports.js';
import { followUpChange } from './reminders.js';

export interface PostUpdateInput {
  incidentId: string;
  actorId: string;
  text: string;
}

/** Records the latest update, shows it on the card and in the channel. */
export const postUpdate = async (deps: UseCaseDeps, input: PostUpdateInput): Promise<Incident> => {
  const text = input.text.trim();
  if (!text) throw new DomainError('INVALID_INPUT', 'An update needs some text.', 'text');
  const before = incidentById(deps.incidents, input.incidentId);
  const now = deps.clock.now();
  const incident: Incident = { ...before, latestUpdate: { text, at: now, by: input.actorId }, updatedAt: now };
  deps.incidents.save(incident, [{ kind: 'note', actorId: input.actorId, at: now, text, data: { update: true } }]);
  deps.log.info({ incidentId: incident.id, actorId: input.actorId }, 'update posted');
  await deps.notifier.refresh(incident);
  await followUpChange(deps, before, incident);
  if (incident.channelId) {
    await deps.notifier.postToChannel(incident.channelId, `:loudspeaker: *Update* from <@${input.actorId}>: ${text}`);
  }
  return incident;
};
