import { fingerprintOf } from '../../src/domain/alerts/fingerprint.js';
import { seeded } from 'slack-emulator';

/**
 * A deterministic alert storm: two hours of maintenance on the primary MySQL cluster, with the noise
 * it causes (timeouts on its dependants carrying db_cluster, load balancer and CDN warnings, latency
 * warnings), noise it does not explain (disk space from piling logs, flapping nodes, info), a
 * heartbeat, and three unrelated critical incidents, one of them on a service that needs the
 * database. Same seed, same storm.
 */

const minute = 60_000;


export interface StormAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorURL: string;
  fingerprint: string;
  /** Firing intervals, ms offsets from the start of the storm: [start, end). */
  episodes: [number, number][];
  /** Which of the storm's parts it belongs to, for the test's own bookkeeping. */
  part: 'maintained' | 'timeout' | 'lb' | 'cdn' | 'latency' | 'disk' | 'flapping' | 'heartbeat' | 'info' | 'incident';
}

export interface Storm {
  startsAt: number;
  durationMs: number;
  maintenance: { id: string; title: string; services: string[]; startsAt: number; endsAt: number };
  alerts: StormAlert[];
  /** The three incidents that must page: team, service, alert name, when it starts. */
  incidents: { team: string; service: string; alertname: string; at: number }[];
}

const make = (
  part: StormAlert['part'],
  labels: Record<string, string>,
  summary: string,
  episodes: [number, number][],
  extra: Record<string, string> = {},
): StormAlert => ({
  part,
  labels,
  annotations: { summary, ...extra },
  generatorURL: `https://prometheus.example.com/graph?g0.expr=${encodeURIComponent(labels.alertname ?? '')}`,
  fingerprint: fingerprintOf(labels),
  episodes,
});

export const generateStorm = (options: { seed?: number; startsAt?: number } = {}): Storm => {
  const next = seeded(options.seed ?? 20261128);
  const startsAt = options.startsAt ?? Date.UTC(2026, 10, 28, 22, 0);
  const durationMs = 120 * minute;
  const between = (from: number, to: number) => Math.round(from + next() * (to - from));
  const alerts: StormAlert[] = [];
  // Everything the maintenance explains settles five minutes before the window closes.
  const heldEnd = () => between(100, 115) * minute;

  for (const instance of ['mysql-primary-0', 'mysql-primary-1', 'mysql-primary-2']) {
    alerts.push(make('maintained', { alertname: 'MySQLDown', service: 'db', severity: 'critical', instance, db_cluster: 'mysql-primary' }, `MySQL ${instance} is down`, [[between(1, 3) * minute, heldEnd()]]));
    alerts.push(make('maintained', { alertname: 'MySQLReplicationLag', severity: 'warning', instance, db_cluster: 'mysql-primary' }, `Replication lag on ${instance}`, [[between(2, 6) * minute, heldEnd()]]));
  }
  for (const service of ['checkout-api', 'orders-api', 'inventory', 'payments']) {
    for (let pod = 0; pod < 100; pod += 1) {
      const instance = `${service}-${pod}`;
      const start = between(2, 12) * minute;
      // Connection timeouts come and go while the database is away: two or three episodes each.
      const episodes: [number, number][] = [];
      let at = start;
      while (at < 95 * minute && episodes.length < 3) {
        const end = Math.min(at + between(15, 40) * minute, heldEnd());
        episodes.push([at, end]);
        at = end + between(2, 10) * minute;
      }
      alerts.push(make('timeout', { alertname: 'DBConnectionTimeout', service, severity: 'critical', instance, db_cluster: 'mysql-primary' }, `${service} cannot reach MySQL from ${instance}`, episodes, { description: 'Connections to mysql-primary time out after 5 s.', runbook_url: 'https://runbooks.example.com/db-timeouts' }));
      alerts.push(make('timeout', { alertname: 'DBPoolExhausted', service, severity: 'warning', instance, db_cluster: 'mysql-primary' }, `Connection pool exhausted on ${instance}`, [[start + minute, heldEnd()]]));
    }
    for (let endpoint = 0; endpoint < 50; endpoint += 1) {
      alerts.push(make('latency', { alertname: 'HighLatencyP99', service, severity: 'warning', endpoint: `/v1/${service}/${endpoint}` }, `p99 latency above 2 s on /v1/${service}/${endpoint}`, [[between(5, 20) * minute, heldEnd()]]));
    }
  }
  for (let backend = 0; backend < 120; backend += 1) {
    alerts.push(make('lb', { alertname: 'LBBackendUnhealthy', service: 'edge-lb', severity: 'warning', backend: `backend-${backend}` }, `Health checks failing for backend-${backend}`, [[between(3, 15) * minute, heldEnd()]]));
  }
  for (let pop = 0; pop < 80; pop += 1) {
    alerts.push(make('cdn', { alertname: 'CDNCacheMissRateHigh', service: 'cdn', severity: 'warning', pop: `pop-${pop}` }, `Cache miss rate above 60% at pop-${pop}`, [[between(5, 25) * minute, heldEnd()]]));
  }
  for (let host = 0; host < 250; host += 1) {
    alerts.push(make('disk', { alertname: 'DiskSpaceLow', service: 'log-pipeline', severity: 'warning', instance: `logs-${host}` }, `Less than 10% disk left on logs-${host}`, [[between(20, 90) * minute, durationMs + 30 * minute]]));
  }
  for (let node = 0; node < 40; node += 1) {
    const episodes: [number, number][] = [];
    // Two minutes up, two down, for about forty minutes.
    for (let at = between(30, 40) * minute; episodes.length < 10; at += 4 * minute) episodes.push([at, at + 2 * minute]);
    alerts.push(make('flapping', { alertname: 'NodeNotReady', service: 'k8s-nodes', severity: 'warning', node: `node-${node}` }, `node-${node} is NotReady`, episodes));
  }
  for (let i = 0; i < 600; i += 1) {
    const service = ['checkout-api', 'search', 'notifications', 'log-pipeline', 'k8s-nodes'][i % 5]!;
    const at = between(0, 115) * minute;
    alerts.push(make('info', { alertname: ['DeploymentRolledOut', 'BackupCompleted', 'CertificateRenewed'][i % 3]!, service, severity: 'info', job: `job-${i}` }, `Routine event ${i}`, [[at, at + 5 * minute]]));
  }
  alerts.push(make('heartbeat', { alertname: 'Watchdog', severity: 'none' }, 'The alerting pipeline is alive', [[0, durationMs + 60 * minute]]));

  const incidents = [
    { team: 'search', service: 'search', alertname: 'SearchIndexUnavailable', at: 25 * minute + 17_000, end: 40 * minute },
    { team: 'comms', service: 'notifications', alertname: 'EmailDeliveryFailing', at: 70 * minute + 41_000, end: 90 * minute },
    // The buried one: 23:43, on a service that depends on the database, in the thick of the storm.
    { team: 'payments', service: 'payments', alertname: 'PaymentAuthorizationFailureRate', at: 103 * minute + 5_000, end: durationMs + 30 * minute },
  ];
  for (const incident of incidents) {
    alerts.push(
      make(
        'incident',
        { alertname: incident.alertname, service: incident.service, severity: 'critical', cluster: 'prod-eu' },
        `${incident.alertname} on ${incident.service}`,
        [[incident.at, incident.end]],
        { description: `Customers are affected: ${incident.alertname}.`, runbook_url: `https://runbooks.example.com/${incident.service}` },
      ),
    );
    // A second alert on the same service minutes later attaches to the open critical instead of paging.
    alerts.push(
      make(
        'incident',
        { alertname: `${incident.alertname}Followup`, service: incident.service, severity: 'critical', cluster: 'prod-eu' },
        `Follow-on symptom of ${incident.alertname}`,
        [[incident.at + 3 * minute, incident.end]],
      ),
    );
  }
  return {
    startsAt,
    durationMs,
    maintenance: { id: 'CHG-4471', title: 'MySQL primary upgrade', services: ['db'], startsAt, endsAt: startsAt + durationMs },
    alerts,
    incidents: incidents.map(({ team, service, alertname, at }) => ({ team, service, alertname, at: startsAt + at })),
  };
};

export const firingAt = (alert: StormAlert, offset: number): boolean => alert.episodes.some(([from, to]) => from <= offset && offset < to);

/** Each firing episode is one alert in the sense monitoring counts them: one "it fired" notification. */
export const countEpisodes = (storm: Storm): number =>
  storm.alerts.reduce((sum, alert) => sum + alert.episodes.filter(([from]) => from < storm.durationMs).length, 0);

export type StormEvent = { at: number; alert: StormAlert; status: 'firing' | 'resolved' };

/**
 * The storm as Alertmanager API v2 deliveries, the way Prometheus sends them: every `resendMs`,
 * each firing alert again with endsAt four resends ahead; a resolved one once with its endsAt.
 */
export const apiDeliveries = (storm: Storm, resendMs = 2 * minute) => {
  const deliveries: { at: number; alerts: { labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; endsAt: string; generatorURL: string }[] }[] = [];
  const iso = (offset: number) => new Date(storm.startsAt + offset).toISOString();
  for (let offset = 0; offset <= storm.durationMs; offset += resendMs) {
    const batch = [];
    for (const alert of storm.alerts) {
      const episode = alert.episodes.find(([from, to]) => from <= offset && offset - resendMs < to);
      if (!episode) continue;
      const [from, to] = episode;
      const resolved = to <= offset;
      if (!resolved && from > offset) continue;
      batch.push({ labels: alert.labels, annotations: alert.annotations, startsAt: iso(from), endsAt: iso(resolved ? to : offset + 4 * resendMs), generatorURL: alert.generatorURL });
    }
    deliveries.push({ at: storm.startsAt + offset, alerts: batch });
  }
  return deliveries;
};

/**
 * The storm as state changes, the way webhooks and PagerDuty-style senders speak: one event when an
 * alert starts firing and one when it resolves, in time order, grouped per `stepMs`. The heartbeat
 * is sent again every step, as an Alertmanager heartbeat route does.
 */
export const changeSteps = (storm: Storm, stepMs = 2 * minute): { at: number; events: StormEvent[] }[] => {
  const steps: { at: number; events: StormEvent[] }[] = [];
  for (let offset = 0; offset <= storm.durationMs; offset += stepMs) {
    const events: StormEvent[] = [];
    for (const alert of storm.alerts) {
      if (alert.part === 'heartbeat') {
        events.push({ at: storm.startsAt + offset, alert, status: 'firing' });
        continue;
      }
      for (const [from, to] of alert.episodes) {
        if (offset - stepMs < from && from <= offset) events.push({ at: storm.startsAt + from, alert, status: 'firing' });
        if (offset - stepMs < to && to <= offset) events.push({ at: storm.startsAt + to, alert, status: 'resolved' });
      }
    }
    // Within a step, fires before resolves of the same instant keep flapping alerts honest.
    events.sort((a, b) => a.at - b.at);
    steps.push({ at: storm.startsAt + offset, events });
  }
  return steps;
};
