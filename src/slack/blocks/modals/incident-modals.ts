import type { ModalView } from '@slack/types';
import { incidentKey, type Incident } from '../../../domain/incident/incident.js';
import { roleLabels, roles, type Role } from '../../../domain/incident/roles.js';
import { allowedTransitions, statusLabels } from '../../../domain/incident/status.js';
import { inputIds, viewIds } from '../../ids.js';
import { option, section } from '../text.js';
import { incidentMetadata, limits, modal, severityOption, severityOptions, staticSelect, textInput, userSelect } from './form-parts.js';

/** The small forms of the card's buttons: status, severity, role. */

export const statusModal = (incident: Incident): ModalView => {
  const targets = allowedTransitions[incident.status];
  return modal(
    viewIds.status,
    'Update status',
    'Update',
    [
      section(`*${incidentKey(incident)}* is *${statusLabels[incident.status]}*.`),
      staticSelect(
        inputIds.status,
        'New status',
        targets.map((status) => option(statusLabels[status], status)),
      ),
      textInput(inputIds.reason, 'What changed?', { multiline: true, maxLength: limits.reason, optional: true }),
    ],
    incidentMetadata(incident),
  );
};

export const severityModal = (incident: Incident): ModalView =>
  modal(
    viewIds.severity,
    'Change severity',
    'Change',
    [
      section(`*${incidentKey(incident)}* is *${incident.severity}*.`),
      staticSelect(inputIds.severity, 'New severity', severityOptions(), severityOption(incident.severity)),
    ],
    incidentMetadata(incident),
  );

export const roleModal = (incident: Incident, role?: Role): ModalView => {
  const roleOptions = roles.map((candidate) => option(roleLabels[candidate], candidate));
  return modal(
    viewIds.role,
    'Assign role',
    'Assign',
    [
      staticSelect(inputIds.role, 'Role', roleOptions, roleOptions.find((candidate) => candidate.value === role)),
      userSelect(inputIds.user, 'Person'),
    ],
    incidentMetadata(incident),
  );
};
