import type { Incident } from '../../domain/incident/incident.js';
import type { Severity } from '../../domain/incident/severity.js';
import { audiencesFor, serviceNames } from './audiences.js';
import type { ExecutiveSummary } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { jobKeys } from '../job-keys.js';

export type PostExecutiveSummaryDeps = Pick<UseCaseDeps, 'config' | 'jobs' | 'log' | 'notifier'>;

/** On declare, severity change and resolve, for severities whose policy says notify_executives. */
export const postExecutiveSummary = async (
  deps: PostExecutiveSummaryDeps,
  incident: Incident,
  reason: ExecutiveSummary['reason'],
  previousSeverity?: Severity,
): Promise<boolean> => {
  const config = deps.config();
  const { executives } = audiencesFor(config, incident);
  if (!executives) return false;
  const nextUpdateAt = deps.jobs.pending(jobKeys.updateDue(incident.id))?.dueAt ?? null;
  await deps.notifier.post(executives, {
    kind: 'executive_summary',
    incident,
    summary: {
      reason,
      serviceNames: serviceNames(config, incident),
      nextUpdateAt,
      ...(previousSeverity ? { previousSeverity } : {}),
    },
  });
  deps.log.info({ incidentId: incident.id, reason }, 'executive summary posted');
  return true;
};
