import { alertSummary } from '../../domain/alerts/alert.js';
import { couldHoldPages, formatMatcher, type LabelMatcher, type Silence } from '../../domain/alerts/silence.js';
import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { alertJobPriority } from './alert-jobs.js';
import { jobKeys } from '../job-keys.js';
import { silenceFiringAlerts } from './silence-firing-alerts.js';
import { requirePermission } from '../permissions/require-permission.js';

export const silenceEndKey = jobKeys.alertSilenceEnd;

type Deps = Pick<UseCaseDeps, 'alerts' | 'config' | 'clock' | 'jobs' | 'userGroups' | 'log'>;

export const maxSilenceMs = 14 * 24 * 3_600_000;

/** What the Silence… button pre-fills: one `=` matcher per label of the group's leading alert. */
export const silenceDraftFromAlert = (deps: Pick<UseCaseDeps, 'alerts'>, groupId: string): { matchers: string; subject: string } => {
  const group = deps.alerts.findGroup(groupId);
  const summary = group ? deps.alerts.groupSummary(group.id, 1) : undefined;
  const lead = summary?.lead ?? summary?.shown[0];
  if (!group || !lead) throw new DomainError('INVALID_INPUT', 'That alert no longer exists.');
  const matchers = Object.entries(lead.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => formatMatcher({ name, op: '=', value }));
  return { matchers: matchers.join('\n'), subject: alertSummary(lead) };
};

export interface SilenceInput {
  matchers: LabelMatcher[];
  durationMs: number;
  reason: string;
  holdsPages: boolean;
  createdBy: string;
}

/**
 * A silence from the form. The form already answered a silence that could hold a tier-1 page
 * without the tick inline; this refuses it again, so no other caller can slip one through. Alerts
 * already firing that it matches are silenced at once (silence-firing-alerts.ts); the answer says how
 * many, and how many open pages it held.
 */
export const createSilence = (deps: Deps, input: SilenceInput): { silence: Silence; alerts: number; pagesHeld: number } => {
  requirePermission(deps, 'silence', input.createdBy, undefined, 'silence_matchers');
  if (input.matchers.length === 0) throw new DomainError('INVALID_INPUT', 'A silence needs at least one matcher.');
  if (input.durationMs <= 0 || input.durationMs > maxSilenceMs) throw new DomainError('INVALID_INPUT', 'A silence lasts from a minute to 14 days.');
  const service = couldHoldPages(deps.config(), input.matchers);
  if (service && !input.holdsPages) {
    throw new DomainError('INVALID_INPUT', `This silence could hold pages of tier-1 service \`${service}\`; tick "I know this holds pages" to create it.`);
  }
  const now = deps.clock.now();
  return deps.alerts.atomically(() => {
    const silence = deps.alerts.createSilence({
      matchers: input.matchers,
      reason: input.reason,
      createdBy: input.createdBy,
      createdAt: now,
      endsAt: now + input.durationMs,
      expiredAt: null,
      holdsPages: input.holdsPages,
    });
    // At its end, whatever it still holds is decided afresh, without waiting for monitoring to resend.
    deps.jobs.schedule({ kind: 'alert_silence_end', priority: alertJobPriority.alert_silence_end, key: silenceEndKey(silence.id), dueAt: silence.endsAt, payload: { silenceId: silence.id } }, now);
    return { silence, ...silenceFiringAlerts(deps, silence, now) };
  });
};

/** `/incident silences`: the silences in force, soonest to end first. */
export const activeSilences = (deps: Pick<UseCaseDeps, 'alerts' | 'clock'>): Silence[] => deps.alerts.activeSilences(deps.clock.now());
