import { expertsFor } from '../../domain/escalation/services.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { SendOnce } from '../outbound.js';

/**
 * Brings each affected service's `experts` into a new incident's channel, and says who and why. Invited
 * rather than offered with a button: the first minutes are when they help most, and leaving a channel
 * is one click. Private (security) incidents invite nobody by configuration: their commander decides
 * who sees them. One expert who cannot be invited (deactivated, a typo in the configuration) does
 * not stop the others or the declaration.
 */
export const inviteExperts = async (deps: Pick<UseCaseDeps, 'config' | 'notifier' | 'log'>, incident: Incident, once?: SendOnce): Promise<string[]> => {
  if (incident.isPrivate || !incident.channelId) return [];
  const already = new Set([incident.reporterId, incident.roles.commander]);
  const experts = expertsFor(deps.config(), incident.services).filter((userId) => !already.has(userId));
  const invited: string[] = [];
  const failed: string[] = [];
  for (const userId of experts) {
    try {
      await deps.notifier.inviteUsers(incident.channelId, [userId]);
      invited.push(userId);
    } catch (error) {
      failed.push(userId);
      deps.log.error({ err: error, incidentId: incident.id, userId }, 'could not invite a service expert');
    }
  }
  const people = (ids: string[]) => ids.map((id) => `<@${id}>`).join(', ');
  const lines = [
    ...(invited.length > 0 ? [`:busts_in_silhouette: Invited the experts of the affected services: ${people(invited)}.`] : []),
    ...(failed.length > 0 ? [`:warning: Could not invite ${people(failed)} (see services[].experts in the configuration).`] : []),
  ];
  if (lines.length > 0) await deps.notifier.post(incident.channelId, { kind: 'line', text: lines.join('\n') }, once);
  return invited;
};
