import { parseRole, type Role } from '../../domain/incident/roles.js';
import { parseSeverity, type Severity } from '../../domain/incident/severity.js';
import { isStatus, type Status } from '../../domain/incident/status.js';
import type { ModalMetadata } from '../blocks/modals/form-parts.js';
import { inputIds } from '../ids.js';
import { readChecked, readDateTime, readInput, readSelected, readText, readUser, type FieldErrors, type Parsed, type ViewState } from './view-state.js';

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

export interface UpdateForm {
  incidentId: string;
  status: Status;
  whatChanged: string;
  impact: string;
  nextSteps: string;
  nextUpdateInMinutes: number;
  customerMessage: string | null;
  /** Publish the status page template (filled for `status`) rather than a written message. */
  useTemplate: boolean;
}

export const parseUpdateView = (values: ViewState, _userId: string, metadata: ModalMetadata): Parsed<UpdateForm> => {
  const incidentId = incidentIdOf(metadata, inputIds.update);
  if (!incidentId.ok) return incidentId;
  const errors: FieldErrors = {};
  const whatChanged = readText(values, inputIds.update);
  if (!whatChanged) errors[inputIds.update] = 'Say what changed since the last update.';
  const status = readSelected(values, inputIds.status) ?? '';
  if (!isStatus(status)) errors[inputIds.status] = 'Choose the status.';
  const minutes = Number(readSelected(values, inputIds.nextUpdate) ?? '');
  if (!Number.isInteger(minutes) || minutes <= 0) errors[inputIds.nextUpdate] = 'Choose when the next update is due.';
  const customerMessage = readText(values, inputIds.customerMessage) || null;
  const useTemplate = readChecked(values, inputIds.useTemplate).includes('use');
  if (useTemplate && customerMessage) {
    errors[inputIds.useTemplate] = 'The status page gets one message: write one or tick the template, one or the other.';
  }
  if (Object.keys(errors).length > 0 || !isStatus(status)) return fail(errors);
  return {
    ok: true,
    value: {
      incidentId: incidentId.value,
      status,
      whatChanged,
      impact: readText(values, inputIds.impact),
      nextSteps: readText(values, inputIds.nextSteps),
      nextUpdateInMinutes: minutes,
      customerMessage,
      useTemplate,
    },
  };
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

export interface MaintenanceForm {
  title: string;
  message: string;
  services: string[];
  startsAt: number;
  endsAt: number;
}

export const parseMaintenanceView = (values: ViewState, _userId: string, _metadata: ModalMetadata, now: number): Parsed<MaintenanceForm> => {
  const errors: FieldErrors = {};
  const title = readText(values, inputIds.maintenanceTitle);
  if (!title) errors[inputIds.maintenanceTitle] = 'Give the maintenance a title.';
  const message = readText(values, inputIds.maintenanceMessage);
  if (!message) errors[inputIds.maintenanceMessage] = 'Say what happens and what customers may notice.';
  const selected = readChecked(values, inputIds.maintenanceServices);
  const services = (selected.length > 0 ? selected : readText(values, inputIds.maintenanceServices).split(',')).map((s) => s.trim()).filter(Boolean);
  if (services.length === 0) errors[inputIds.maintenanceServices] = 'Choose at least one service.';
  const startsAt = readDateTime(values, inputIds.startsAt);
  const endsAt = readDateTime(values, inputIds.endsAt);
  if (startsAt === undefined) errors[inputIds.startsAt] = 'Choose when it starts.';
  if (endsAt === undefined) errors[inputIds.endsAt] = 'Choose when it ends.';
  else if (startsAt !== undefined && endsAt <= startsAt) errors[inputIds.endsAt] = 'The window must end after it starts.';
  else if (endsAt <= now) errors[inputIds.endsAt] = 'The window must end in the future.';
  if (Object.keys(errors).length > 0 || startsAt === undefined || endsAt === undefined) return fail(errors);
  return { ok: true, value: { title, message, services: [...new Set(services)], startsAt, endsAt } };
};

export interface FollowUpForm {
  incidentId: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  blocking: boolean;
}

export const parseFollowUpView = (values: ViewState, _userId: string, metadata: ModalMetadata): Parsed<FollowUpForm> => {
  const incidentId = incidentIdOf(metadata, inputIds.followUpText);
  if (!incidentId.ok) return incidentId;
  const text = readText(values, inputIds.followUpText);
  if (text.length < 3) return fail({ [inputIds.followUpText]: 'Describe what needs doing.' });
  return {
    ok: true,
    value: {
      incidentId: incidentId.value,
      text,
      ownerId: readUser(values, inputIds.followUpOwner) ?? null,
      dueDate: readInput(values, inputIds.followUpDue)?.selected_date ?? null,
      blocking: readChecked(values, inputIds.followUpBlocking).includes('blocking'),
    },
  };
};

export const parseAddToTimelineView = (
  values: ViewState,
  _userId: string,
  metadata: ModalMetadata,
): Parsed<{ channelId: string; messageTs: string; messageUserId: string | null; messageText: string; comment: string }> => {
  if (!metadata.channelId || !metadata.messageTs) return fail({ [inputIds.comment]: 'This form lost its message; use the shortcut again.' });
  return {
    ok: true,
    value: {
      channelId: metadata.channelId,
      messageTs: metadata.messageTs,
      messageUserId: metadata.messageUserId ?? null,
      messageText: metadata.messageText ?? '',
      comment: readText(values, inputIds.comment),
    },
  };
};
