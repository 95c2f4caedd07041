import { alertSummary, runbookOf } from '../../domain/alerts/alert.js';
import { levelRecipients, policyForService } from '../../domain/escalation/escalation.js';
import type { EscalationPolicy } from '../../domain/escalation/types.js';
import type { Job, UseCaseDeps } from '../ports.js';
import type { AlertPageView } from './alert-ports.js';

/** A service's policy, else its team's. */
const policyFor = (deps: UseCaseDeps, team: string | null, service: string | null): EscalationPolicy | undefined => {
  const config = deps.config();
  const configured = service ? config.services.find((candidate) => candidate.id === service) : undefined;
  if (configured) return policyForService(config, configured);
  const policyId = config.teams.find((candidate) => candidate.id === team)?.escalationPolicy;
  return policyId ? config.escalationPolicies.find((policy) => policy.id === policyId) : undefined;
};

/** Pages the first level of the owning team's policy; returns how many people were paged. */
export const pageAlertSubject = async (
  deps: UseCaseDeps,
  input: { team: string | null; service: string | null; groupId: string | null } & Omit<AlertPageView, 'groupId' | 'description' | 'runbook' | 'generatorUrl'> &
    Partial<Pick<AlertPageView, 'description' | 'runbook' | 'generatorUrl'>>,
): Promise<number> => {
  const policy = policyFor(deps, input.team, input.service);
  const level = policy?.levels[0];
  if (!level) return 0;
  const recipients = levelRecipients(level, deps.config().schedules, deps.clock.now());
  const members = await Promise.all(recipients.usergroups.map((group) => deps.notifier.userGroupMembers(group)));
  const users = [...new Set([...recipients.users, ...members.flat()])];
  const page: AlertPageView = {
    groupId: input.groupId ?? '',
    subject: input.subject,
    summary: input.summary,
    description: input.description ?? null,
    runbook: input.runbook ?? null,
    generatorUrl: input.generatorUrl ?? null,
  };
  for (const userId of users) await deps.notifier.sendAlertPage(userId, page);
  deps.log.info({ groupId: input.groupId, subject: input.subject, users: users.length }, 'alert paged');
  return users.length;
};

/** The page job of a new critical alert group: the owning team's policy, with the alert's own words. */
export const pageAlertGroup = async (deps: UseCaseDeps, job: Job): Promise<void> => {
  const group = deps.alerts.findGroup(String(job.payload.groupId));
  const alert = deps.alerts.find(String(job.payload.fingerprint));
  if (!group || !alert || group.acknowledgedAt !== null) return;
  const runbook = runbookOf(alert) ?? deps.config().services.find((service) => service.id === alert.service)?.runbook ?? null;
  await pageAlertSubject(deps, {
    team: group.team,
    service: group.service,
    groupId: group.id,
    subject: `${alert.service ?? 'unknown service'} · ${alert.alertname}`,
    summary: alertSummary(alert),
    description: alert.annotations.description ?? null,
    runbook,
    generatorUrl: alert.generatorUrl,
  });
};
