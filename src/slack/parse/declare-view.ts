import { parseSeverity, type Severity } from '../../domain/incident/severity.js';
import { limits } from '../blocks/modals/form-parts.js';
import { inputIds } from '../ids.js';
import { readChecked, readSelected, readText, readUser, type FieldErrors, type Parsed, type ViewState } from './view-state.js';

export interface DeclareForm {
  title: string;
  severity: Severity;
  summary: string;
  impact: string;
  services: string[];
  commanderId: string | null;
  isPrivate: boolean;
}

/** Turns the declare modal's state into use-case input, or inline errors for each bad field. */
export const parseDeclareView = (values: ViewState): Parsed<DeclareForm> => {
  const errors: FieldErrors = {};
  const title = readText(values, inputIds.title);
  if (title.length < 3) errors[inputIds.title] = 'Give the incident a title of at least 3 characters.';
  if (title.length > limits.title) errors[inputIds.title] = `Keep the title under ${limits.title} characters.`;
  const severity = parseSeverity(readSelected(values, inputIds.severity) ?? '');
  if (!severity) errors[inputIds.severity] = 'Choose a severity.';
  const selectedServices = readChecked(values, inputIds.services);
  const services = (selectedServices.length > 0 ? selectedServices : readText(values, inputIds.services).split(','))
    .map((service) => service.trim())
    .filter(Boolean);
  if (services.some((service) => service.length > 60)) errors[inputIds.services] = 'Service names are at most 60 characters each.';
  if (Object.keys(errors).length > 0 || !severity) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      severity,
      summary: readText(values, inputIds.summary),
      impact: readText(values, inputIds.impact),
      services: [...new Set(services)],
      commanderId: readUser(values, inputIds.commander) ?? null,
      isPrivate: readChecked(values, inputIds.visibility).includes('private'),
    },
  };
};
