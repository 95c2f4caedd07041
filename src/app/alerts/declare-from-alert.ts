import { alertSummary } from '../../domain/alerts/alert.js';
import { DomainError } from '../../domain/errors.js';
import type { Severity } from '../../domain/incident/severity.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export interface DeclareDraft {
  title: string;
  severity: Severity;
  services: string[];
  summary: string;
}

/** What the Declare incident button pre-fills: the alert's words, its service, a tier-based severity. */
export const declareDraftFromAlert = (deps: Pick<UseCaseDeps, 'alerts' | 'config'>, groupId: string): DeclareDraft => {
  const group = deps.alerts.findGroup(groupId);
  const lead = group ? deps.alerts.groupSummary(group.id, 0).lead : null;
  if (!group || !lead) throw new DomainError('INVALID_INPUT', 'That alert no longer exists.');
  const service = deps.config().services.find((candidate) => candidate.id === lead.service);
  return {
    title: `${alertSummary(lead)}`.slice(0, 150),
    severity: service?.tier === 1 ? 'SEV1' : 'SEV2',
    services: service ? [service.id] : [],
    summary: [`${lead.service ?? 'unknown service'} · ${lead.alertname}`, lead.annotations.description].filter(Boolean).join('\n'),
  };
};
