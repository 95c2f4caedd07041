import { alertSummary, type StoredAlert } from '../../domain/alerts/alert.js';
import type { Incident } from '../../domain/incident/incident.js';
import { isFinished } from '../../domain/incident/status.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { AlertGroup } from './alert-ports.js';

export type AlertTimelineDeps = Pick<UseCaseDeps, 'alerts' | 'jobs' | 'config' | 'timeline' | 'incidents' | 'settings'>;

/**
 * How many of a group's alerts get a timeline entry each. A storm attached to an incident must not
 * bury the people's own entries: past this, one entry says more joined and the card counts them.
 */
export const timelineAlertsPerGroup = 20;

/** Who the timeline says relayed monitoring's facts: the bot itself. */
export const botActor = (deps: Pick<UseCaseDeps, 'settings'>): string => deps.settings.botUserId ?? 'incident-bot';

/** Monitoring's words go wherever the timeline goes (Slack, the postmortem): no `<!channel>` or `<@U…>` in them may ever be read as markup. */
const unmarked = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');
const subjectOf = (alert: Pick<StoredAlert, 'service' | 'alertname'>) => unmarked(`${alert.service ?? 'unknown service'} · ${alert.alertname}`);
const whereOf = (alert: StoredAlert) => alert.labels.instance ?? alert.labels.pod ?? alert.labels.node ?? alert.labels.host ?? null;

/** `payments · PaymentAuthorizationFailureRate on pay-1: Card authorisations failing` */
export const alertLine = (alert: StoredAlert): string => {
  const where = whereOf(alert);
  return unmarked(`${subjectOf(alert)}${where ? ` on ${where}` : ''}: ${alertSummary(alert)}`.slice(0, 500));
};

/** The incident an alert group reports to, while it can still take entries. */
const incidentOf = (deps: AlertTimelineDeps, group: AlertGroup): Incident | undefined => {
  const incident = group.incidentId ? deps.incidents.findById(group.incidentId) : undefined;
  return incident && !isFinished(incident.status) ? incident : undefined;
};

/**
 * One alert in a linked group, on the incident's timeline: once per alert (its fingerprint is the
 * entry's key), so a repeat, a resolve and a re-fire add nothing; past the per-group cap, one line
 * says more joined. `withinCap`: the caller already picked at most the cap's worth (the alerts on a
 * group when it is linked), so they go on whatever the group's size.
 */
export const recordAlertOnTimeline = (deps: AlertTimelineDeps, group: AlertGroup, alert: StoredAlert, now: number, verb = 'joined', withinCap = false): void => {
  const incident = incidentOf(deps, group);
  if (!incident) return;
  const actorId = botActor(deps);
  // Counted before the joining alert is stored: it is the next one.
  const { firing, resolved } = deps.alerts.groupSummary(group.id, 0);
  const full = firing + resolved >= timelineAlertsPerGroup;
  if (withinCap || !full) {
    const data = { groupId: group.id, fingerprint: alert.fingerprint };
    deps.timeline.appendOnce(incident.id, { kind: 'alert', actorId, at: now, text: `Alert ${verb}: ${alertLine(alert)}`, data }, { ts: null, permalink: null, sourceKey: `alert:${group.id}:${alert.fingerprint}` });
  }
  if (!full) return;
  deps.timeline.appendOnce(
    incident.id,
    { kind: 'alert', actorId, at: now, text: `More alerts joined ${subjectOf(alert)} (over ${timelineAlertsPerGroup}); the alert group's message counts them.`, data: { groupId: group.id } },
    { ts: null, permalink: null, sourceKey: `alert:${group.id}:more` },
  );
};

/** The group's every alert stopped firing: one entry per resolution, however many alerts it had. */
export const recordGroupResolved = (deps: AlertTimelineDeps, group: AlertGroup, now: number): void => {
  const incident = incidentOf(deps, group);
  if (!incident) return;
  const { resolved, lead } = deps.alerts.groupSummary(group.id, 0);
  const subject = lead ? subjectOf(lead) : unmarked(`${group.service ?? 'unknown service'} · ${group.alertname ?? 'alerts'}`);
  deps.timeline.appendOnce(
    incident.id,
    { kind: 'alert', actorId: botActor(deps), at: now, text: `All ${resolved} alert(s) of ${subject} resolved.`, data: { groupId: group.id } },
    { ts: null, permalink: null, sourceKey: `alert_resolved:${group.id}:${now}` },
  );
};
