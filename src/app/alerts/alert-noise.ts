import { lastDaysSince, type AlertNoiseDigest } from '../../domain/alerts/noise.js';
import { findService } from '../../domain/escalation/escalation.js';
import { teamsOf } from '../../domain/escalation/teams.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { DomainError } from '../../domain/errors.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { NoiseTotal, PersonPages } from './noise-ports.js';

type Deps = Pick<UseCaseDeps, 'noise' | 'config' | 'clock'>;

/** How many of each kind a view lists; the Slack layer keeps within Block Kit's sizes with these. */
export const noiseLimits = { alerts: 10, sources: 5, services: 10, people: 10, homeAlerts: 5, homeTeams: 3, digestAlerts: 5 } as const;

export interface NoiseReport {
  /** The service asked about, or null for all. */
  service: string | null;
  since: number;
  alerts: NoiseTotal[];
  sources: NoiseTotal[];
  /** Empty when one service was asked about. */
  services: NoiseTotal[];
  people: PersonPages[];
}

/** `/incident alerts [service]`: the last 7 days' noise, to fix alerts at the source. */
export const alertNoise = (deps: Deps, input: { service: string | null }): NoiseReport => {
  const wanted = input.service?.trim() || null;
  const service = wanted ? findService(deps.config(), wanted) : undefined;
  if (wanted && !service) {
    throw new DomainError('INVALID_INPUT', `No service \`${escapeUserText(wanted)}\` in the configuration. \`/incident oncall\` lists them.`);
  }
  const scope = { since: lastDaysSince(deps.clock.now()), service: service?.id ?? null };
  return {
    service: scope.service,
    since: scope.since,
    alerts: deps.noise.totals('alert', scope, noiseLimits.alerts),
    sources: deps.noise.totals('source', scope, noiseLimits.sources),
    services: service ? [] : deps.noise.totals('service', scope, noiseLimits.services),
    people: deps.noise.people(scope, noiseLimits.people),
  };
};

export interface TeamNoise {
  /** Null: every team's alerts (the viewer answers for none). */
  team: string | null;
  name: string;
  alerts: NoiseTotal[];
  people: PersonPages[];
}

/**
 * App Home: the noise of the viewer's teams (those whose escalation policies name them, and those
 * whose alerts paged them this week), else of everyone. Null when no alert source is configured.
 */
export const viewerNoise = (deps: Deps, input: { viewerId: string }): TeamNoise[] | null => {
  const config = deps.config();
  if (config.alerts.sources.length === 0) return null;
  const since = lastDaysSince(deps.clock.now());
  const teams = [...new Set([...teamsOf(config, input.viewerId), ...deps.noise.teamsPaged(input.viewerId, since)])].slice(0, noiseLimits.homeTeams);
  if (teams.length === 0) {
    const scope = { since };
    return [{ team: null, name: 'All teams', alerts: deps.noise.totals('alert', scope, noiseLimits.homeAlerts), people: deps.noise.people(scope, noiseLimits.people) }];
  }
  return teams.map((team) => {
    const scope = { since, teams: [team] };
    return {
      team,
      name: config.teams.find((candidate) => candidate.id === team)?.name ?? team,
      alerts: deps.noise.totals('alert', scope, noiseLimits.homeAlerts),
      people: deps.noise.people(scope, noiseLimits.people),
    };
  });
};

/** The digest's noisiest alerts and pages of the last week; null when no alert source is configured. */
export const noiseDigest = async (deps: Deps & Pick<UseCaseDeps, 'people'>): Promise<AlertNoiseDigest | null> => {
  if (deps.config().alerts.sources.length === 0) return null;
  // The seven whole days before today and today so far: a weekly digest covers all of last week.
  const scope = { since: lastDaysSince(deps.clock.now(), 8) };
  const alerts = deps.noise.totals('alert', scope, noiseLimits.digestAlerts);
  const paged = deps.noise.people(scope, 100);
  const listed = paged.slice(0, noiseLimits.people);
  const names = await deps.people.names(listed.map((person) => person.userId));
  return {
    since: scope.since,
    alerts: alerts.map((row) => ({ service: row.service, alertname: row.alertname ?? '', counts: row.counts })),
    people: listed.map(({ userId, ...counts }) => ({ name: names[userId] ?? userId, ...counts })),
    morePeople: paged.length - listed.length,
  };
};
