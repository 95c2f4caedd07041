import { alertSummary, type StoredAlert } from '../../domain/alerts/alert.js';
import { levelRecipients } from '../../domain/escalation/escalation.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import { DomainError } from '../../domain/errors.js';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import type { Severity } from '../../domain/incident/severity.js';
import { activeStatuses } from '../../domain/incident/status.js';
import { declareIncidentNow, type DeclareIncidentDeps, type DeclareOptions } from '../incident/declare-incident.js';
import { channelLane, effect, enqueue } from '../effects/effect-jobs.js';
import type { NewIncident } from '../incident/ports.js';
import type { AlertGroup } from './alert-ports.js';
import { alertLine, botActor, recordAlertOnTimeline, timelineAlertsPerGroup, type AlertTimelineDeps } from './alert-timeline.js';
import { escapeMarkup } from '../../domain/communication/slack-text.js';
import { groupSyncKey, scheduleGroupSync } from './alert-groups.js';
import { alertJobPriority } from './alert-jobs.js';
import { policyFor } from './page-alert-group.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** Declaring from an alert group: the declaration, and the group, its card and its timeline lines. */
type AlertDeclareDeps = DeclareIncidentDeps & Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config' | 'timeline' | 'incidents' | 'settings' | 'noise'>;

export interface DeclareDraft {
  title: string;
  severity: Severity;
  services: string[];
  summary: string;
}

/** An incident in words taken from the alert: its summary, its service, a tier-based severity. */
const draftOf = (config: IncidentConfig, lead: StoredAlert): DeclareDraft => {
  const service = config.services.find((candidate) => candidate.id === lead.service);
  return {
    title: `${alertSummary(lead)}`.slice(0, 150),
    severity: service?.tier === 1 ? 'SEV1' : 'SEV2',
    services: service ? [service.id] : [],
    summary: [`${lead.service ?? 'unknown service'} · ${lead.alertname}`, lead.annotations.description].filter(Boolean).join('\n'),
  };
};

const alreadyDeclared = (deps: Pick<UseCaseDeps, 'incidents'>, group: AlertGroup): DomainError | undefined => {
  const incident = group.incidentId ? deps.incidents.findById(group.incidentId) : undefined;
  if (!incident) return undefined;
  const where = incident.channelId ? ` in <#${incident.channelId}>` : '';
  return new DomainError('SAME_VALUE', `This alert is already ${incidentKey(incident)}${where}.`);
};

/** What the Declare incident button pre-fills. */
export const declareDraftFromAlert = (deps: Pick<UseCaseDeps, 'alerts' | 'config' | 'incidents'>, groupId: string): DeclareDraft => {
  const group = deps.alerts.findGroup(groupId);
  const lead = group ? deps.alerts.groupSummary(group.id, 0).lead : null;
  if (!group || !lead) throw new DomainError('INVALID_INPUT', 'That alert no longer exists.');
  const declared = alreadyDeclared(deps, group);
  if (declared) throw declared;
  return draftOf(deps.config(), lead);
};

/**
 * Ties an alert group to its incident, inside the caller's transaction: the group's message links
 * the incident (edited at once, and again once the incident's channel exists: that sync runs in the
 * channel's lane, after its creation), and the alerts already in the group go on the timeline.
 */
const linkGroupToIncident = (deps: AlertTimelineDeps, group: AlertGroup, incident: Incident, now: number, verb: string): AlertGroup => {
  const linked: AlertGroup = { ...group, incidentId: incident.id, lastChangeAt: now };
  deps.alerts.saveGroup(linked);
  for (const alert of deps.alerts.groupSummary(group.id, timelineAlertsPerGroup).shown.slice().reverse()) recordAlertOnTimeline(deps, linked, alert, now, verb, true);
  scheduleGroupSync(deps, linked, now);
  deps.jobs.schedule(
    { kind: 'alert_group_sync', priority: alertJobPriority.alert_group_sync, key: `${groupSyncKey(group.id)}:incident`, lane: channelLane(incident.id), dueAt: now, payload: { groupId: group.id } },
    now,
  );
  return linked;
};

/**
 * The alert group's own page reached its policy's people (and escalates until someone acknowledges
 * it): the incident does not page them a second time. Other services chosen in the form still page.
 */
const pagingOptions = (deps: AlertDeclareDeps, group: AlertGroup): DeclareOptions => {
  const policy = policyFor(deps, group);
  return policy ? { alreadyPaging: [policy.id] } : {};
};

/**
 * The declare form sent from an alert's Declare incident button: the incident and its link to the
 * alert group are stored together, so what fires in the group afterwards goes to its timeline.
 */
export const declareFromAlertGroup = (deps: AlertDeclareDeps, groupId: string, input: NewIncident, options: { tellIn?: string } = {}): Incident =>
  deps.atomically(() => {
    const group = deps.alerts.findGroup(groupId);
    if (!group) throw new DomainError('INVALID_INPUT', 'That alert no longer exists.');
    const declared = alreadyDeclared(deps, group);
    if (declared) throw declared;
    const now = deps.clock.now();
    const incident = declareIncidentNow(deps, input, { ...options, ...pagingOptions(deps, group) });
    linkGroupToIncident(deps, group, incident, now, 'in the alert group when declared');
    return incident;
  });

/** The incident severity the group's policy declares for this alert's severity, if it declares at all. */
export const autoDeclareSeverity = (deps: Pick<UseCaseDeps, 'config'>, group: AlertGroup, alert: StoredAlert): Severity | undefined =>
  policyFor(deps, group)?.autoDeclare?.[(alert.labels.severity ?? '').toLowerCase()];

/**
 * Inside the page decision's transaction: a critical group that just paged, under a policy that
 * declares its severity, becomes an incident declared by the bot. Exactly once per group: only the
 * decision that creates the group calls this, and a repeat, a redelivered batch or a restart finds
 * the group open and attaches instead. When the service's previous group is still tied to an open
 * incident (it resolved and fired again), the new group joins that incident rather than declaring
 * a second one for the same trouble. The people being paged are invited to the incident's channel.
 */
export const autoDeclare = (deps: AlertDeclareDeps, group: AlertGroup, alert: StoredAlert, previous: AlertGroup | undefined, now: number): AlertGroup => {
  const severity = autoDeclareSeverity(deps, group, alert);
  if (!severity) return group;
  const ongoing = previous?.incidentId ? deps.incidents.findById(previous.incidentId) : undefined;
  if (ongoing && activeStatuses.includes(ongoing.status)) {
    const linked = linkGroupToIncident(deps, group, ongoing, now, 'fired again');
    recordAlertOnTimeline(deps, linked, alert, now, 'fired again');
    return linked;
  }
  const draft = draftOf(deps.config(), alert);
  const incident = declareIncidentNow(
    deps,
    { title: draft.title, severity, summary: draft.summary, impact: '', services: draft.services, isPrivate: false, reporterId: botActor(deps), commanderId: null },
    pagingOptions(deps, group),
  );
  const linked = linkGroupToIncident(deps, group, incident, now, 'fired');
  recordAlertOnTimeline(deps, linked, alert, now, 'fired and paged');
  const policy = policyFor(deps, group);
  const responders = policy?.levels[0] ? levelRecipients(policy.levels[0], deps.config().schedules, now).users : [];
  // After the channel exists (its lane): an invite that ran first would find no channel and do nothing.
  if (responders.length > 0) enqueue(deps, { ...effect.invite(incident.id, responders), lane: channelLane(incident.id) });
  // Why nobody typed /incident declare: the first thing people read in the channel.
  enqueue(
    deps,
    effect.postLine(
      incident.id,
      `:rotating_light: Declared by the bot: the alert *${escapeMarkup(alertLine(alert))}* paged ${policy ? `\`${policy.id}\`` : 'its team'}, whose policy declares ${escapeMarkup(alert.labels.severity ?? '')} alerts as ${severity}. ` +
        'Alerts joining it go on this incident\'s timeline. Take command with `/incident role commander @you`.',
    ),
  );
  deps.log.info({ incidentId: incident.id, groupId: group.id, severity }, 'incident declared from an alert');
  return linked;
};
