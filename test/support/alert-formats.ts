import { alertTokens } from './alerts-config.js';
import type { StormEvent } from './alert-storm.js';
import { chunks } from './alert-replay.js';

/** One request: where it goes, its body, and its Bearer token (none for PagerDuty: it is in the body). */
export interface FormatRequest {
  path: string;
  body: unknown;
  token?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const zeroTime = '0001-01-01T00:00:00Z';

const webhookAlert = (event: StormEvent) => ({
  status: event.status,
  labels: event.alert.labels,
  annotations: event.alert.annotations,
  startsAt: iso(event.at),
  endsAt: event.status === 'resolved' ? iso(event.at) : zeroTime,
  generatorURL: event.alert.generatorURL,
  fingerprint: event.alert.fingerprint,
});

const rest = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).filter(([name]) => !['alertname', 'severity', 'service'].includes(name)));

/** Severity words each format knows; the storm's heartbeat says none. */
const severityFor = (labels: Record<string, string>, known: readonly string[]) => (known.includes(labels.severity ?? '') ? labels.severity! : 'info');

/** The storm's state changes of one step, as each of the four other senders would send them. */
export const formatRequests: Record<'alertmanager' | 'grafana' | 'pagerduty' | 'generic', (events: StormEvent[]) => FormatRequest[]> = {
  alertmanager: (events) =>
    chunks(events, 256).map((batch) => ({
      path: '/alerts/alertmanager',
      token: alertTokens.ALERTMANAGER_TOKEN,
      body: {
        version: '4',
        groupKey: '{}:{}',
        truncatedAlerts: 0,
        status: batch.some((event) => event.status === 'firing') ? 'firing' : 'resolved',
        receiver: 'incident-bot',
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        externalURL: 'http://alertmanager.example.com',
        alerts: batch.map(webhookAlert),
      },
    })),
  grafana: (events) =>
    chunks(events, 256).map((batch) => ({
      path: '/alerts/grafana',
      token: alertTokens.GRAFANA_ALERTS_TOKEN,
      body: {
        receiver: 'incident-bot',
        status: batch.some((event) => event.status === 'firing') ? 'firing' : 'resolved',
        orgId: 1,
        title: `[FIRING:${batch.length}]`,
        state: 'alerting',
        message: '',
        alerts: batch.map((event) => ({ ...webhookAlert(event), silenceURL: 'http://grafana.example.com/alerting/silence/new', dashboardURL: '', panelURL: '', values: { A: 1 } })),
      },
    })),
  pagerduty: (events) =>
    events.map((event) => ({
      path: '/alerts/pagerduty',
      body: {
        routing_key: alertTokens.PAGERDUTY_ROUTING_KEY,
        event_action: event.status === 'firing' ? 'trigger' : 'resolve',
        dedup_key: event.alert.fingerprint,
        payload: {
          summary: event.alert.annotations.summary,
          source: Object.values(rest(event.alert.labels))[0] ?? 'storm',
          severity: severityFor(event.alert.labels, ['critical', 'error', 'warning', 'info']),
          timestamp: iso(event.at),
          ...(event.alert.labels.service ? { component: event.alert.labels.service } : {}),
          class: event.alert.labels.alertname,
          custom_details: rest(event.alert.labels),
        },
        links: [{ href: event.alert.generatorURL, text: 'Source' }],
      },
    })),
  generic: (events) =>
    chunks(events, 256).map((batch) => ({
      path: '/alerts/generic',
      token: alertTokens.GENERIC_ALERTS_TOKEN,
      body: {
        alerts: batch.map((event) => ({
          id: event.alert.fingerprint,
          name: event.alert.labels.alertname,
          ...(event.alert.labels.service ? { service: event.alert.labels.service } : {}),
          severity: severityFor(event.alert.labels, ['critical', 'warning', 'info']),
          status: event.status,
          summary: event.alert.annotations.summary,
          labels: rest(event.alert.labels),
        })),
      },
    })),
};
