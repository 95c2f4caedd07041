import type Database from 'better-sqlite3';
import type { NoiseDimension, NoiseStore, NoiseTotal, PersonPages } from '../app/alerts/noise-ports.js';
import { alertCounters, type AlertCounter, type AlertCounts } from '../domain/alerts/noise.js';
import { clientOf, type Db } from './database.js';

const columnOf: Record<AlertCounter, string> = {
  received: 'received',
  folded: 'folded',
  heldMaintenance: 'held_maintenance',
  heldDependency: 'held_dependency',
  flapping: 'flapping',
  silenced: 'silenced',
  notified: 'notified',
  paged: 'paged',
};
const columns = alertCounters.map((counter) => columnOf[counter]);

/** The columns each dimension groups by; the others read as null. */
const grouping: Record<NoiseDimension, { sourceId: string; service: string; alertname: string; by: string }> = {
  source: { sourceId: 'source_id', service: 'null', alertname: 'null', by: 'source_id' },
  service: { sourceId: 'null', service: 'service', alertname: 'null', by: 'service' },
  alert: { sourceId: 'null', service: 'service', alertname: 'alertname', by: 'service, alertname' },
};

// `@x is null or …`: one statement serves the unscoped view, one service, and a list of teams (JSON).
const scoped = `(@service is null or service = @service) and (@teams is null or team in (select value from json_each(@teams)))`;

type TotalRow = { source_id: string | null; service: string | null; alertname: string | null } & Record<string, number>;
type ScopeParams = { since: number; service: string | null; teams: string | null; limit: number };

const scopeParams = (scope: { since: number; service?: string | null; teams?: readonly string[] | null }, limit: number): ScopeParams => ({
  since: scope.since,
  service: scope.service ?? null,
  teams: scope.teams ? JSON.stringify(scope.teams) : null,
  limit,
});

/** The day buckets: added to per batch, summed when read. */
const countsPart = (client: Database.Database): Pick<NoiseStore, 'add' | 'totals'> => {
  const add = client.prepare(
    `insert into alert_counts (day, source_id, service, alertname, team, ${columns.join(', ')})
     values (@day, @source_id, @service, @alertname, @team, ${columns.map((column) => `@${column}`).join(', ')})
     on conflict (day, source_id, service, alertname) do update set team = excluded.team,
     ${columns.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`,
  );
  const totals = Object.fromEntries(
    (Object.keys(grouping) as NoiseDimension[]).map((by) => {
      const shape = grouping[by];
      return [
        by,
        client.prepare<[ScopeParams], TotalRow>(
          `select ${shape.sourceId} as source_id, ${shape.service} as service, ${shape.alertname} as alertname,
           ${columns.map((column) => `sum(${column}) as ${column}`).join(', ')}
           from alert_counts where day >= @since and ${scoped}
           group by ${shape.by} order by sum(received) desc, ${shape.by} limit @limit`,
        ),
      ];
    }),
  ) as Record<NoiseDimension, Database.Statement<[ScopeParams], TotalRow>>;
  return {
    add: (rows) => {
      for (const row of rows) {
        const values = Object.fromEntries(alertCounters.map((counter) => [columnOf[counter], row.counts[counter] ?? 0]));
        add.run({ day: row.day, source_id: row.sourceId, service: row.service ?? '', alertname: row.alertname, team: row.team, ...values });
      }
    },
    totals: (by, scope, limit) =>
      totals[by].all(scopeParams(scope, limit)).map(
        (row): NoiseTotal => ({
          sourceId: row.source_id,
          // '' is how "no service" is keyed: shown as none.
          service: row.service === '' ? null : row.service,
          alertname: row.alertname,
          counts: Object.fromEntries(alertCounters.map((counter) => [counter, row[columnOf[counter]] ?? 0])) as AlertCounts,
        }),
      ),
  };
};

/** The ledger of who was paged, and what became of each page. */
const pagesPart = (client: Database.Database): Pick<NoiseStore, 'recordPage' | 'ignoreLevel' | 'acknowledgePages' | 'people' | 'teamsPaged'> => {
  const recordPage = client.prepare(
    `insert into alert_pages (group_id, user_id, pass, level_index, team, service, paged_at)
     values (@groupId, @userId, @pass, @levelIndex, @team, @service, @at) on conflict do nothing`,
  );
  const ignoreLevel = client.prepare<{ groupId: string; pass: number; levelIndex: number; at: number }, { user_id: string }>(
    `update alert_pages set outcome = 'ignored', decided_at = @at
     where group_id = @groupId and pass = @pass and level_index = @levelIndex and outcome is null returning user_id`,
  );
  // Open pages are those of the level being paged now: earlier levels were decided when they timed out.
  const acknowledge = client.prepare(
    `update alert_pages set outcome = 'acknowledged', decided_at = @at
     where group_id = @groupId and user_id = @userId and outcome is null and paged_at is not null`,
  );
  const answered = client.prepare(
    `update alert_pages set outcome = 'answered', decided_at = @at where group_id = @groupId and outcome is null and paged_at is not null`,
  );
  const steppedIn = client.prepare(
    `insert into alert_pages (group_id, user_id, pass, level_index, team, service, paged_at, outcome, decided_at)
     values (@groupId, @userId, -1, -1, @team, @service, null, 'acknowledged', @at) on conflict do nothing`,
  );
  const people = client.prepare<[ScopeParams], PersonPages>(
    `select user_id as userId, sum(paged_at >= @since) as paged, sum(outcome = 'acknowledged' and decided_at >= @since) as acknowledged,
     sum(outcome = 'ignored' and decided_at >= @since) as ignored
     from alert_pages where (paged_at >= @since or decided_at >= @since) and ${scoped}
     group by user_id order by ignored desc, paged desc, user_id limit @limit`,
  );
  const teamsPaged = client.prepare<[string, number], { team: string }>(
    'select distinct team from alert_pages where user_id = ? and paged_at >= ? and team is not null order by team',
  );
  return {
    recordPage: (page, at) => {
      recordPage.run({ ...page, at });
    },
    ignoreLevel: (position, at) => ignoreLevel.all({ ...position, at }).map((row) => row.user_id),
    acknowledgePages: (groupId, userId, group, at) => {
      const paged = acknowledge.run({ groupId, userId, at }).changes > 0;
      answered.run({ groupId, at });
      if (!paged) steppedIn.run({ groupId, userId, at, team: group.team, service: group.service });
    },
    people: (scope, limit) =>
      people.all(scopeParams(scope, limit)).map((row) => ({ userId: row.userId, paged: row.paged ?? 0, acknowledged: row.acknowledged ?? 0, ignored: row.ignored ?? 0 })),
    teamsPaged: (userId, since) => teamsPaged.all(userId, since).map((row) => row.team),
  };
};

export const createNoiseRepository = (db: Db): NoiseStore => {
  const client = clientOf(db);
  const pruneCounts = client.prepare('delete from alert_counts where day < ?');
  // Written so that each side finds its rows through an index (housekeeping runs every few minutes).
  const prunePages = client.prepare<{ before: number }>('delete from alert_pages where decided_at < @before or (decided_at is null and paged_at < @before)');
  return {
    ...countsPart(client),
    ...pagesPart(client),
    prune: (before) => pruneCounts.run(before).changes + prunePages.run({ before }).changes,
  };
};
