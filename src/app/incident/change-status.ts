import { statusLabels, type Status } from '../../domain/incident/status.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { applyCommand } from './apply-command.js';
import { incidentById } from './find-incident.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { DomainError } from '../../domain/errors.js';
import { publishResolution } from '../communication/publish-resolution.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { requirePermission } from '../permissions/require-permission.js';

export interface ChangeStatusInput {
  incidentId: string;
  to: Status;
  actorId: string;
  reason?: string;
  /** Closing with open blocking follow-ups needs the closer to confirm. */
  confirmOpenFollowUps?: boolean;
}

const verbs: Partial<Record<Status, [emoji: string, what: string]>> = {
  resolved: [':white_check_mark:', 'resolved the incident'],
  cancelled: [':no_entry_sign:', 'cancelled the incident as a false alarm'],
  closed: [':lock:', 'closed the incident'],
};

export type ChangeStatusDeps = Pick<
  UseCaseDeps,
  'atomically' | 'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'jobs' | 'log' | 'updates' | 'userGroups'
>;

export const changeStatus = async (deps: ChangeStatusDeps, input: ChangeStatusInput): Promise<Incident> =>
  deps.atomically(() => {
    // A false alarm stops every page and leaves no postmortem: permissions.cancel may say who decides that.
    if (input.to === 'cancelled') requirePermission(deps, 'cancel', input.actorId, incidentById(deps.incidents, input.incidentId), 'status');
    if (input.to === 'closed' && !input.confirmOpenFollowUps) {
      const incident = incidentById(deps.incidents, input.incidentId);
      const blocking = deps.followUps.listForIncident(incident.id).filter((followUp) => followUp.status === 'open' && followUp.blocking);
      if (blocking.length > 0) {
        throw new DomainError(
          'FOLLOW_UPS_OPEN',
          `${blocking.length} blocking follow-up${blocking.length === 1 ? ' is' : 's are'} still open: ${blocking.map((followUp) => escapeUserText(followUp.text)).join('; ')}.`,
          undefined,
          { id: incident.id, key: incidentKey(incident) },
        );
      }
    }
    const { before, incident } = applyCommand(deps, input.incidentId, {
      type: 'set_status',
      to: input.to,
      actorId: input.actorId,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    if (input.to === 'resolved' || input.to === 'cancelled' || input.to === 'closed') publishResolution(deps, incident);
    const reopened = before.status === 'resolved' && input.to === 'investigating';
    const [emoji, what] = reopened
      ? [':leftwards_arrow_with_hook:', 'reopened the incident']
      : (verbs[input.to] ?? [':arrows_counterclockwise:', `changed the status to *${statusLabels[input.to]}*`]);
    const reason = input.reason ? `: ${escapeUserText(input.reason)}` : '';
    enqueue(deps, effect.postLine(incident.id, `${emoji} <@${input.actorId}> ${what}${reason}`, input.actorId));
    return incident;
  });
