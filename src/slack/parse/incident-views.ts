import { parseRole, type Role } from '../../domain/incident/roles.js';
import { parseSeverity, type Severity } from '../../domain/incident/severity.js';
import { isStatus, type Status } from '../../domain/incident/status.js';
import type { ModalMetadata } from '../blocks/modals.js';
import { inputIds } from '../ids.js';
import { readSelected, readText, readUser, type FieldErrors, type Parsed, type ViewState } from './view-state.js';

const fail = (errors: FieldErrors): Parsed<never> => ({ ok: false, errors });

/** Incident modals carry the incident id in private_metadata; without it there is nothing to act on. */
const incidentIdOf = (metadata: ModalMetadata, field: string): Parsed<string> =>
  metadata.incidentId ? { ok: true, value: metadata.incidentId } : fail({ [field]: 'This form has lost its incident; open it again from the card.' });

export const parseStatusView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ incidentId: string; to: Status; reason: string }> => {
  const incidentId = incidentIdOf(metadata, inputIds.status);
  if (!incidentId.ok) return incidentId;
  const to = readSelected(values, inputIds.status) ?? '';
  if (!isStatus(to)) return fail({ [inputIds.status]: 'Choose the new status.' });
  return { ok: true, value: { incidentId: incidentId.value, to, reason: readText(values, inputIds.reason) } };
};

export const parseSeverityView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ incidentId: string; to: Severity }> => {
  const incidentId = incidentIdOf(metadata, inputIds.severity);
  if (!incidentId.ok) return incidentId;
  const to = parseSeverity(readSelected(values, inputIds.severity) ?? '');
  if (!to) return fail({ [inputIds.severity]: 'Choose a severity.' });
  return { ok: true, value: { incidentId: incidentId.value, to } };
};

export const parseRoleView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ incidentId: string; role: Role; userId: string }> => {
  const incidentId = incidentIdOf(metadata, inputIds.role);
  if (!incidentId.ok) return incidentId;
  const errors: FieldErrors = {};
  const role = parseRole(readSelected(values, inputIds.role) ?? '');
  if (!role) errors[inputIds.role] = 'Choose a role.';
  const userId = readUser(values, inputIds.user);
  if (!userId) errors[inputIds.user] = 'Choose a person.';
  if (!role || !userId) return fail(errors);
  return { ok: true, value: { incidentId: incidentId.value, role, userId } };
};

export const parseUpdateView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ incidentId: string; text: string }> => {
  const incidentId = incidentIdOf(metadata, inputIds.update);
  if (!incidentId.ok) return incidentId;
  const text = readText(values, inputIds.update);
  if (!text) return fail({ [inputIds.update]: 'Write the update.' });
  return { ok: true, value: { incidentId: incidentId.value, text } };
};

export const parsePageView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ incidentId: string; target: { kind: 'service' | 'user'; id: string } }> => {
  const incidentId = incidentIdOf(metadata, inputIds.pageUser);
  if (!incidentId.ok) return incidentId;
  const service = readSelected(values, inputIds.pageService);
  const user = readUser(values, inputIds.pageUser);
  if (service && user) return fail({ [inputIds.pageUser]: 'Choose a service or a person, not both.' });
  if (service) return { ok: true, value: { incidentId: incidentId.value, target: { kind: 'service', id: service } } };
  if (user) return { ok: true, value: { incidentId: incidentId.value, target: { kind: 'user', id: user } } };
  return fail({ [inputIds.pageUser]: 'Choose a service or a person to page.' });
};
