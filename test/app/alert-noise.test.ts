import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIncidentConfig } from '../../src/config/incident-config-file.js';
import { acknowledgeAlertGroup } from '../../src/app/alerts/acknowledge-alert-group.js';
import { alertNoise, noiseDigest, viewerNoise } from '../../src/app/alerts/alert-noise.js';
import { expireSilence } from '../../src/app/alerts/expire-silence.js';
import { alertEscalationKey, escalateAlertPage, sendAlertPage } from '../../src/app/alerts/page-alert-group.js';
import { pruneNoise, noiseRetentionMs } from '../../src/app/alerts/prune-noise.js';
import { receiveAlertBatches, receiveAlerts } from '../../src/app/alerts/receive-alerts.js';
import type { UseCaseDeps } from '../../src/app/use-case-deps.js';
import type { IncomingAlert } from '../../src/domain/alerts/alert.js';
import { noCounts, type AlertCounts } from '../../src/domain/alerts/noise.js';
import { alertCounts } from '../../src/storage/schema.js';
import { alertManager, alertsConfigYaml, alertTeams } from '../support/alerts-config.js';
import { fixedClock, type FixedClock } from '../support/clock.js';
import { useCaseWorld, type UseCaseWorld } from '../support/use-case-deps.js';

const day = 86_400_000;
const start = Date.UTC(2026, 10, 28, 10, 0);
const window = `{ id: chg-1, title: DB patching, services: [db], starts_at: "2026-11-28T09:00:00Z", ends_at: "2026-11-28T12:00:00Z" }`;
const configYaml = alertsConfigYaml({ secondLevel: true, alertsExtra: `  maintenance_windows: [${window}]` });
const config = parseIncidentConfig(configYaml);

let world: UseCaseWorld;
let clock: FixedClock;
let deps: UseCaseDeps;

beforeEach(() => {
  clock = fixedClock(start);
  world = useCaseWorld({ configYaml, clock });
  // Slack's names for whoever the digest lists.
  deps = { ...world.deps, people: { ...world.deps.people, names: async (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, `name of ${id}`])) } };
});
afterEach(() => world.close());

const alert = (alertname: string, labels: Record<string, string>): IncomingAlert => ({
  fingerprint: `${alertname}:${JSON.stringify(labels)}`,
  labels: { alertname, ...labels },
  annotations: {},
  startsAt: start,
  endsAt: null,
  generatorUrl: null,
});

/** One of each fate: held by the window, held as a dependant, silenced, notified, paged, and the heartbeat. */
const storm = [
  alert('MySQLDown', { service: 'db', severity: 'critical', instance: 'db-1' }),
  alert('DBConnectionTimeout', { service: 'checkout-api', severity: 'critical', db_cluster: 'mysql-primary' }),
  alert('OrdersLatencyHigh', { service: 'orders-api', severity: 'warning' }),
  alert('DiskSpaceLow', { service: 'log-pipeline', severity: 'warning', instance: 'logs-1' }),
  alert('DiskSpaceLow', { service: 'log-pipeline', severity: 'warning', instance: 'logs-2' }),
  alert('NodeNoisy', { service: 'k8s-nodes', severity: 'warning' }),
  alert('SearchIndexUnavailable', { service: 'search', severity: 'critical' }),
  alert('Watchdog', { severity: 'none' }),
];

const counts = (partial: Partial<AlertCounts>): AlertCounts => ({ ...noCounts(), ...partial });
const sinceToday = { since: start - (start % day) };
const byAlert = () => Object.fromEntries(deps.noise.totals('alert', sinceToday, 50).map((row) => [`${row.service} · ${row.alertname}`, row.counts]));

const silenceNodes = () =>
  deps.alerts.createSilence({ matchers: [{ name: 'alertname', op: '=', value: 'NodeNoisy' }], reason: 'known', createdBy: 'U1', createdAt: start, endsAt: start + day, expiredAt: null, holdsPages: false });

describe('noise accounting counters', () => {
  it('count each decision once per sighting, in one row per (day, source, service, alert name), without the heartbeat', () => {
    silenceNodes();
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm });
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm });
    receiveAlerts(deps, { sourceId: 'am', alerts: [alert('DiskSpaceLow', { service: 'log-pipeline', severity: 'warning', instance: 'logs-3' })] });

    expect(byAlert()).toEqual({
      'db · MySQLDown': counts({ received: 2, folded: 1, heldMaintenance: 2 }),
      'checkout-api · DBConnectionTimeout': counts({ received: 2, folded: 1, heldMaintenance: 2 }),
      'orders-api · OrdersLatencyHigh': counts({ received: 2, folded: 1, heldDependency: 2 }),
      // Two instances join the group's message once each; their repeats only edit it.
      'log-pipeline · DiskSpaceLow': counts({ received: 5, folded: 2, notified: 3 }),
      'k8s-nodes · NodeNoisy': counts({ received: 2, folded: 1, silenced: 2 }),
      'search · SearchIndexUnavailable': counts({ received: 2, folded: 1, paged: 1 }),
    });
    expect(deps.noise.totals('source', sinceToday, 10).map((row) => [row.sourceId, row.counts.received])).toEqual([
      ['prometheus', 14],
      ['am', 1],
    ]);
    expect(deps.noise.totals('service', { ...sinceToday, teams: ['platform'] }, 10).map((row) => [row.service, row.counts.received])).toEqual([
      ['log-pipeline', 5],
      ['k8s-nodes', 2],
    ]);
    // Bounded by what is distinct, not by how much arrives: 6 alert names from prometheus, 1 from am.
    expect(world.db.select().from(alertCounts).all()).toHaveLength(7);
  });

  it('are written in the transaction of the decisions: a batch that fails leaves no count behind', () => {
    const failing = { ...deps, alerts: { ...deps.alerts, save: (stored: { alertname: string }, previous: unknown) => {
      if (stored.alertname === 'SearchIndexUnavailable') throw new Error('disk full');
      deps.alerts.save(stored as never, previous as never);
    } } } as UseCaseDeps;
    expect(() => receiveAlertBatches(failing, [{ sourceId: 'prometheus', alerts: storm }])).toThrow('disk full');
    expect(deps.noise.totals('alert', sinceToday, 50)).toEqual([]);
    expect(deps.alerts.count()).toBe(0);
  });

  it('bucket by UTC day: the last 7 days are read, older days fall out of view, and housekeeping deletes them after 90', () => {
    const disk = [alert('DiskSpaceLow', { service: 'log-pipeline', severity: 'warning', instance: 'logs-1' })];
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: disk });
    clock.advance(day);
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: disk });
    expect(alertNoise(deps, { service: 'log-pipeline' }).alerts.map((row) => row.counts.received)).toEqual([2]);
    expect(world.db.select().from(alertCounts).all()).toHaveLength(2);
    // Seven days after the first: only the second day is still in the last 7.
    clock.advance(6 * day);
    expect(alertNoise(deps, { service: 'log-pipeline' }).alerts.map((row) => row.counts.received)).toEqual([1]);
    expect(pruneNoise(deps)).toBe(0);
    clock.set(start - (start % day) + noiseRetentionMs + 1);
    expect(pruneNoise(deps)).toBe(1);
    expect(world.db.select().from(alertCounts).all()).toHaveLength(1);
  });

  it('count what a released hold then notifies or pages, and nothing as received again', () => {
    const silence = silenceNodes();
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: [storm[5]!] });
    const before = deps.alerts.find(storm[5]!.fingerprint)!;
    clock.advance(60_000);
    expireSilence(deps, { silenceId: silence.id, actorId: 'U0SRE' });
    expect(byAlert()['k8s-nodes · NodeNoisy']).toEqual(counts({ received: 1, silenced: 1, notified: 1 }));
    // Released, not seen again: the alert keeps how often and when monitoring last sent it.
    expect(deps.alerts.find(storm[5]!.fingerprint)).toMatchObject({ receivedCount: before.receivedCount, lastSeenAt: before.lastSeenAt, disposition: 'grouped' });
  });

  it('answers /incident alerts for one service, and refuses a service that does not exist', () => {
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm });
    const report = alertNoise(deps, { service: 'Primary MySQL' });
    expect(report.service).toBe('db');
    expect(report.alerts.map((row) => row.alertname)).toEqual(['MySQLDown']);
    expect(report.services).toEqual([]);
    expect(alertNoise(deps, { service: null }).services.length).toBeGreaterThan(3);
    expect(() => alertNoise(deps, { service: '<!channel>' })).toThrow('No service `@channel`');
  });
});

describe('page accounting', () => {
  const search = alertTeams.search.user;
  const pageSearch = () => {
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: [alert('SearchIndexUnavailable', { service: 'search', severity: 'critical' })] });
    return deps.jobs.pending(alertEscalationKey(deps.alerts.latestGroup({ kind: 'critical', team: 'search', service: 'search', alertname: null })!.id))!;
  };

  it('a level that times out counts as ignored for whoever it paged; the acknowledger of the next level is credited', async () => {
    const escalation = pageSearch();
    const groupId = String(escalation.payload.groupId);
    clock.advance(5 * 60_000);
    escalateAlertPage(deps, escalation);
    clock.advance(60_000);
    acknowledgeAlertGroup(deps, { groupId, userId: alertManager });
    const scope = { since: sinceToday.since };
    expect(deps.noise.people(scope, 10)).toEqual([
      { userId: search, paged: 1, acknowledged: 0, ignored: 1 },
      { userId: alertManager, paged: 1, acknowledged: 1, ignored: 0 },
    ]);
    // The team whose alert paged them is theirs in App Home, even off its policy.
    expect(deps.noise.teamsPaged(alertManager, scope.since)).toEqual(['search']);
  });

  it('the last level going unanswered is ignored too', async () => {
    const escalation = pageSearch();
    clock.advance(5 * 60_000);
    escalateAlertPage(deps, escalation);
    const last = deps.jobs.pending(alertEscalationKey(String(escalation.payload.groupId)))!;
    clock.advance(5 * 60_000);
    escalateAlertPage(deps, last);
    const [line] = deps.jobs.claimDue(clock.now(), 10, 'test').filter((job) => job.kind === 'alert_line');
    expect(line?.payload.text).toContain('Nobody acknowledged the page for *search · SearchIndexUnavailable*');
    expect(deps.noise.people(sinceToday, 10)).toEqual([
      { userId: alertManager, paged: 1, acknowledged: 0, ignored: 1 },
      { userId: search, paged: 1, acknowledged: 0, ignored: 1 },
    ]);
  });

  it('the members of a paged user group count once Slack names them, and are ignored with their level', async () => {
    const viaGroup = {
      ...config,
      escalationPolicies: config.escalationPolicies.map((policy) =>
        policy.id === 'search-oncall' ? { ...policy, levels: [{ ...policy.levels[0]!, targets: [{ kind: 'usergroup' as const, id: 'S0SEARCH' }] }] } : policy,
      ),
    };
    // Slack names the group's members; every other call goes to the recording notifier as before.
    const notifier = Object.assign(Object.create(deps.notifier) as UseCaseDeps['notifier'], { userGroupMembers: async () => ['U0MEMBER1', 'U0MEMBER2'] });
    deps = { ...deps, config: () => viaGroup, notifier };
    const escalation = pageSearch();
    const groupId = String(escalation.payload.groupId);
    expect(deps.noise.people(sinceToday, 10)).toEqual([]);
    await sendAlertPage(deps, deps.jobs.pending(`alert_page:${groupId}:0:0:S0SEARCH`)!);
    clock.advance(5 * 60_000);
    escalateAlertPage(deps, escalation);
    expect(deps.noise.people(sinceToday, 10)).toEqual([
      { userId: 'U0MEMBER1', paged: 1, acknowledged: 0, ignored: 1 },
      { userId: 'U0MEMBER2', paged: 1, acknowledged: 0, ignored: 1 },
    ]);
  });

  it('housekeeping forgets pages decided, or sent and never decided, more than 90 days ago', () => {
    const answered = pageSearch();
    acknowledgeAlertGroup(deps, { groupId: String(answered.payload.groupId), userId: alertTeams.search.user });
    clock.advance(noiseRetentionMs);
    // The day's counts bucket goes first (its day began at midnight); the page was decided at 10:00.
    expect(pruneNoise(deps)).toBe(1);
    clock.advance(1);
    expect(pruneNoise(deps)).toBe(1);
    expect(deps.noise.people({ since: 0 }, 10)).toEqual([]);
  });

  it('someone who steps in without a page is credited, and the one paged is not blamed', () => {
    const escalation = pageSearch();
    acknowledgeAlertGroup(deps, { groupId: String(escalation.payload.groupId), userId: 'U0BYSTANDR' });
    expect(deps.noise.people(sinceToday, 10)).toEqual([
      { userId: search, paged: 1, acknowledged: 0, ignored: 0 },
      { userId: 'U0BYSTANDR', paged: 0, acknowledged: 1, ignored: 0 },
    ]);
  });
});

describe('the views of the counts', () => {
  it('App Home shows the teams whose policies name the viewer, else every team', () => {
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm });
    const platform = viewerNoise(deps, { viewerId: alertTeams.platform.user })!;
    expect(platform.map((team) => team.team)).toEqual(['platform']);
    expect(platform[0]!.alerts.map((row) => row.alertname)).toEqual(['DiskSpaceLow', 'NodeNoisy']);
    const stranger = viewerNoise(deps, { viewerId: 'U0STRANGER' })!;
    expect(stranger.map((team) => [team.team, team.name])).toEqual([[null, 'All teams']]);
    expect(stranger[0]!.alerts).toHaveLength(5);
    expect(viewerNoise({ ...deps, config: () => ({ ...config, alerts: { ...config.alerts, sources: [] } }) }, { viewerId: 'U0STRANGER' })).toBeNull();
  });

  it('the digest lists the 5 noisiest alerts and pages by name', async () => {
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm });
    receiveAlerts(deps, { sourceId: 'prometheus', alerts: storm.slice(3, 5) });
    const digest = (await noiseDigest(deps))!;
    expect(digest.alerts).toHaveLength(5);
    expect(digest.alerts[0]).toMatchObject({ service: 'log-pipeline', alertname: 'DiskSpaceLow', counts: { received: 4, notified: 2 } });
    expect(digest.people).toEqual([{ name: `name of ${alertTeams.search.user}`, paged: 1, acknowledged: 0, ignored: 0 }]);
  });
});
