import { drillExpiresAt } from '../../domain/incident/drills.js';
import { activeStatuses } from '../../domain/incident/status.js';
import { incidentKey } from '../../domain/incident/incident.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { effect, enqueue } from '../effects/effect-jobs.js';

export const drillExpiredReason = 'drill expired';

export type ExpireDrillsDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

/**
 * Drills still active `drills.expire_after` after they were declared end themselves: cancelled (not
 * resolved, so no postmortem and no postmortem reminder), which stops their pages and reminders.
 * Returns how many ended. One drill that cannot be told does not keep the others running.
 */
export const expireDrills = async (deps: ExpireDrillsDeps): Promise<number> => {
  const now = deps.clock.now();
  const { expireAfter } = deps.config().drills;
  const expired = deps.incidents
    .listOpen()
    .filter((incident) => incident.isDrill && activeStatuses.includes(incident.status) && drillExpiresAt(incident, expireAfter.ms) <= now);
  for (const drill of expired) {
    try {
      deps.atomically(() => {
        applyCommand(deps, drill.id, { type: 'set_status', to: 'cancelled', actorId: 'bot', reason: drillExpiredReason });
        enqueue(
          deps,
          effect.postLine(
            drill.id,
            `:hourglass: This drill was still open ${expireAfter.text} after it started, so it has ended (cancelled: ${drillExpiredReason}). Its pages and reminders have stopped.`,
          ),
        );
      });
      deps.log.info({ incidentId: drill.id, incident: incidentKey(drill) }, 'drill expired');
    } catch (error) {
      deps.log.error({ incidentId: drill.id, err: error }, 'could not end an expired drill');
    }
  }
  return expired.length;
};
