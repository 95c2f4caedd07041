import { and, asc, count, desc, eq, exists, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { IncidentRepository, RoleTenure } from '../app/incident/ports.js';
import type { Incident } from '../domain/incident/incident.js';
import { activeStatuses, openStatuses, type Status } from '../domain/incident/status.js';
import type { Role } from '../domain/incident/roles.js';
import type { Severity } from '../domain/incident/severity.js';
import type { Db } from './database.js';
import { incidents, roleAssignments } from './schema.js';
import { readInSlices } from './in-slices.js';

export type IncidentRow = typeof incidents.$inferSelect;

export const toIncident = (row: IncidentRow, roles: Partial<Record<Role, string>>): Incident => ({
  id: row.id,
  number: row.number,
  title: row.title,
  severity: row.severity as Severity,
  status: row.status as Status,
  summary: row.summary,
  impact: row.impact,
  services: row.services,
  isPrivate: row.isPrivate,
  isDrill: row.isDrill,
  reporterId: row.reporterId,
  roles,
  channelId: row.channelId,
  channelName: row.channelName,
  cardTs: row.cardTs,
  announcementChannelId: row.announcementChannelId,
  announcementTs: row.announcementTs,
  latestUpdate:
    row.latestUpdateText !== null && row.latestUpdateAt !== null
      ? { text: row.latestUpdateText, at: row.latestUpdateAt, by: row.latestUpdateBy ?? '' }
      : null,
  declaredAt: row.declaredAt,
  updatedAt: row.updatedAt,
  resolvedAt: row.resolvedAt,
  closedAt: row.closedAt,
  setupError: row.setupError,
});

/** Who holds each role now, for a batch of incidents in one query per slice. */
const currentRoles = (db: Db, incidentIds: string[]): Map<string, Partial<Record<Role, string>>> => {
  const byIncident = new Map<string, Partial<Record<Role, string>>>();
  if (incidentIds.length === 0) return byIncident;
  const rows = readInSlices(incidentIds, (slice) =>
    db
      .select()
      .from(roleAssignments)
      .where(and(inArray(roleAssignments.incidentId, slice), isNull(roleAssignments.endedAt)))
      .all(),
  );
  for (const row of rows) {
    const roles = byIncident.get(row.incidentId) ?? {};
    roles[row.role as Role] = row.userId;
    byIncident.set(row.incidentId, roles);
  }
  return byIncident;
};

const hydrate = (db: Db, rows: IncidentRow[]): Incident[] => {
  const roles = currentRoles(db, rows.map((row) => row.id));
  return rows.map((row) => toIncident(row, roles.get(row.id) ?? {}));
};

type Lookups = Pick<IncidentRepository, 'findById' | 'findByNumber' | 'findByChannel' | 'findByIds' | 'listOpen' | 'listSince'>;

/** Finding incidents by what identifies them, and the plain lists. */
export const createIncidentLookups = (db: Db): Lookups => {
  const one = (row: IncidentRow | undefined): Incident | undefined => (row ? hydrate(db, [row])[0] : undefined);
  // Prepared once: these run on every command and button in an incident channel.
  const byId = db.select().from(incidents).where(eq(incidents.id, sql.placeholder('id'))).prepare();
  const byNumber = db.select().from(incidents).where(eq(incidents.number, sql.placeholder('number'))).prepare();
  const byChannel = db.select().from(incidents).where(eq(incidents.channelId, sql.placeholder('channelId'))).prepare();
  // The OR of two indexed terms is answered with one index search each; an ORDER BY here would walk a whole index instead.
  const since = db
    .select()
    .from(incidents)
    .where(or(gte(incidents.declaredAt, sql.placeholder('since')), inArray(incidents.status, [...openStatuses])))
    .prepare();
  return {
    findById: (id) => one(byId.get({ id })),
    findByNumber: (number) => one(byNumber.get({ number })),
    findByChannel: (channelId) => one(byChannel.get({ channelId })),
    findByIds: (ids) => hydrate(db, readInSlices(ids, (slice) => db.select().from(incidents).where(inArray(incidents.id, slice)).all())),
    listOpen: () =>
      hydrate(db, db.select().from(incidents).where(inArray(incidents.status, [...openStatuses])).orderBy(asc(incidents.number)).all()),
    listSince: (from) => hydrate(db, since.all({ since: from }).sort((a, b) => b.declaredAt - a.declaredAt)),
  };
};

/** The open incidents a viewer may see: private ones only to their reporter and current role holders. */
export const createVisibleIncidentLists = (db: Db): Pick<IncidentRepository, 'listOpenVisible'> => {
  const viewer = sql.placeholder('viewerId');
  const visibleIn = (statuses: readonly Status[]) =>
    and(
      inArray(incidents.status, [...statuses]),
      or(
        eq(incidents.isPrivate, false),
        eq(incidents.reporterId, viewer),
        exists(
          db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.incidentId, incidents.id), isNull(roleAssignments.endedAt), eq(roleAssignments.userId, viewer))),
        ),
      ),
    );
  const prepareGroup = (statuses: readonly Status[], order: SQL[]) => ({
    list: db.select().from(incidents).where(visibleIn(statuses)).orderBy(...order).limit(sql.placeholder('limit')).prepare(),
    count: db.select({ total: count() }).from(incidents).where(visibleIn(statuses)).prepare(),
  });
  // Still being worked on: most severe first, then oldest. Resolved, not yet closed: most recently resolved first.
  const openVisible = {
    active: prepareGroup(activeStatuses, [asc(incidents.severity), asc(incidents.declaredAt), asc(incidents.number)]),
    resolved: prepareGroup(['resolved'], [desc(incidents.resolvedAt), asc(incidents.number)]),
  };
  return {
    listOpenVisible: (viewerId, limit, group) => ({
      incidents: limit > 0 ? hydrate(db, openVisible[group].list.all({ viewerId, limit })) : [],
      total: openVisible[group].count.get({ viewerId })?.total ?? 0,
    }),
  };
};

export const roleHistory = (db: Db, id: string): RoleTenure[] =>
  db
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.incidentId, id))
    .orderBy(asc(roleAssignments.startedAt), asc(roleAssignments.id))
    .all()
    .map((row) => ({
      role: row.role as Role,
      userId: row.userId,
      assignedBy: row.assignedBy,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
    }));
