import { changeStatus } from '../../../../app/incident/change-status.js';
import type { Status } from '../../../../domain/incident/status.js';
import { parseFreeText } from '../../../parse/incident-commands.js';
import { inIncident, type Subcommand } from './subcommand.js';

/** `/incident resolve` and its kin: one status, with what follows as the reason. */
export const statusShortcut = (name: string, to: Status, usage: string): Subcommand =>
  inIncident({
    name,
    usage,
    parse: parseFreeText,
    run: ({ deps, userId, incident }, { text }) => changeStatus(deps, { incidentId: incident.id, to, actorId: userId, reason: text }),
  });
