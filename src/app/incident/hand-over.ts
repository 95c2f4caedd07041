import { formatDuration, incidentDuration, type Incident } from '../../domain/incident/incident.js';
import { roleLabels, roles } from '../../domain/incident/roles.js';
import { statusLabels } from '../../domain/incident/status.js';
import { assignRoleNow } from './assign-role.js';
import { effect, enqueue } from '../effects/effect-jobs.js';
import type { Escalation } from '../paging/ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';

/** The short brief a new commander reads first. */
export const handoverBrief = (incident: Incident, pendingPages: Escalation[], now: number): string => {
  const openRoles = roles.filter((role) => !incident.roles[role]).map((role) => roleLabels[role]);
  const lines = [
    `*Handover brief*`,
    `• ${incident.severity} · ${statusLabels[incident.status]} · open ${formatDuration(incidentDuration(incident, now))}`,
    `• Last update: ${incident.latestUpdate ? `${formatDuration(now - incident.latestUpdate.at)} ago: ${escapeUserText(incident.latestUpdate.text)}` : 'none yet'}`,
    `• Open roles: ${openRoles.length > 0 ? openRoles.join(', ') : 'none'}`,
    `• Pending pages: ${pendingPages.length > 0 ? pendingPages.map((page) => `${page.targetKind === 'user' ? `<@${page.targetId}>` : page.targetId} (level ${page.levelIndex + 1})`).join(', ') : 'none'}`,
  ];
  return lines.join('\n');
};

export type HandOverDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'config' | 'escalations' | 'incidents' | 'jobs' | 'log'>;

/** `/incident handover @user`: the commander role moves, and the channel gets a brief. */
export const handOver = async (deps: HandOverDeps, input: { incidentId: string; toUserId: string; actorId: string }): Promise<Incident> =>
  deps.atomically(() => {
    const incident = assignRoleNow(deps, { incidentId: input.incidentId, role: 'commander', userId: input.toUserId, actorId: input.actorId });
    const pending = deps.escalations.listForIncident(incident.id).filter((escalation) => escalation.status === 'active');
    enqueue(deps, effect.postLine(incident.id, `:handshake: <@${input.toUserId}> is now in command.\n${handoverBrief(incident, pending, deps.clock.now())}`, input.actorId));
    return incident;
  });
