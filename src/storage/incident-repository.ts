import { and, asc, count, desc, eq, exists, gte, inArray, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { IncidentRepository, NewIncident, RoleTenure } from '../app/incident/ports.js';
import type { Incident } from '../domain/incident/incident.js';
import { activeStatuses, openStatuses, type Status } from '../domain/incident/status.js';
import type { Role } from '../domain/incident/roles.js';
import type { Severity } from '../domain/incident/severity.js';
import type { TimelineEvent } from '../domain/timeline/event.js';
import type { Db } from './database.js';
import { incidents, roleAssignments, timelineEntries } from './schema.js';
import { timelineValues } from './timeline-repository.js';
import { readInSlices } from './in-slices.js';

type Row = typeof incidents.$inferSelect;

const toIncident = (row: Row, roles: Partial<Record<Role, string>>): Incident => ({
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

type Columns = Partial<typeof incidents.$inferInsert>;

const columnsOf = (incident: Incident): Columns => ({
  title: incident.title,
  severity: incident.severity,
  status: incident.status,
  summary: incident.summary,
  impact: incident.impact,
  services: incident.services,
  latestUpdateText: incident.latestUpdate?.text ?? null,
  latestUpdateAt: incident.latestUpdate?.at ?? null,
  latestUpdateBy: incident.latestUpdate?.by ?? null,
  updatedAt: incident.updatedAt,
  resolvedAt: incident.resolvedAt,
  closedAt: incident.closedAt,
});

/**
 * Only what the change touched is written: two changes decided from the same copy (a severity change
 * and an update racing it) each keep the other's fields instead of writing the whole row back.
 */
const changedColumns = (incident: Incident, before: Incident | undefined): Columns => {
  const after = columnsOf(incident);
  if (!before) return after;
  const previous = columnsOf(before);
  return Object.fromEntries(
    Object.entries(after).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(previous[name as keyof Columns])),
  );
};

export const createIncidentRepository = (db: Db, newId: IdGenerator): IncidentRepository => {
  const currentRoles = (incidentIds: string[]): Map<string, Partial<Record<Role, string>>> => {
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

  const hydrate = (rows: Row[]): Incident[] => {
    const roles = currentRoles(rows.map((row) => row.id));
    return rows.map((row) => toIncident(row, roles.get(row.id) ?? {}));
  };
  const one = (row: Row | undefined): Incident | undefined => (row ? hydrate([row])[0] : undefined);

  // Prepared once: these run on every command and button in an incident channel.
  const byId = db.select().from(incidents).where(eq(incidents.id, sql.placeholder('id'))).prepare();
  const byNumber = db.select().from(incidents).where(eq(incidents.number, sql.placeholder('number'))).prepare();
  const byChannel = db.select().from(incidents).where(eq(incidents.channelId, sql.placeholder('channelId'))).prepare();
  const findById = (id: string) => one(byId.get({ id }));

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
  // The OR of two indexed terms is answered with one index search each; an ORDER BY here would walk a whole index instead.
  const since = db
    .select()
    .from(incidents)
    .where(or(gte(incidents.declaredAt, sql.placeholder('since')), inArray(incidents.status, [...openStatuses])))
    .prepare();

  const writeEvents = (tx: Db, incidentId: string, events: TimelineEvent[]) => {
    for (const event of events) {
      tx.insert(timelineEntries).values(timelineValues(newId(), incidentId, event)).run();
      if (event.kind !== 'role_assigned') continue;
      const role = String(event.data.role);
      tx.update(roleAssignments)
        .set({ endedAt: event.at })
        .where(
          and(eq(roleAssignments.incidentId, incidentId), eq(roleAssignments.role, role), isNull(roleAssignments.endedAt)),
        )
        .run();
      tx.insert(roleAssignments)
        .values({ incidentId, role, userId: String(event.data.userId), assignedBy: event.actorId, startedAt: event.at })
        .run();
    }
  };

  return {
    create: (input: NewIncident, now: number) =>
      db.transaction((tx) => {
        const highest = tx.select({ value: max(incidents.number) }).from(incidents).get()?.value ?? 0;
        const id = newId();
        tx.insert(incidents)
          .values({
            id,
            number: highest + 1,
            title: input.title,
            severity: input.severity,
            status: 'investigating',
            summary: input.summary,
            impact: input.impact,
            services: input.services,
            isPrivate: input.isPrivate,
            isDrill: input.isDrill ?? false,
            reporterId: input.reporterId,
            declaredAt: now,
            updatedAt: now,
          })
          .run();
        writeEvents(tx, id, [
          {
            kind: 'declared',
            actorId: input.reporterId,
            at: now,
            text: input.summary,
            data: { title: input.title, severity: input.severity, services: input.services, private: input.isPrivate },
          },
          ...(input.commanderId
            ? [
                {
                  kind: 'role_assigned' as const,
                  actorId: input.reporterId,
                  at: now,
                  text: '',
                  data: { role: 'commander', userId: input.commanderId, previousUserId: null },
                },
              ]
            : []),
        ]);
        const row = tx.select().from(incidents).where(eq(incidents.id, id)).get();
        if (!row) throw new Error('incident vanished inside its own transaction');
        return toIncident(row, input.commanderId ? { commander: input.commanderId } : {});
      }),

    findById,
    findByNumber: (number) => one(byNumber.get({ number })),
    findByChannel: (channelId) => one(byChannel.get({ channelId })),
    findByIds: (ids) => hydrate(readInSlices(ids, (slice) => db.select().from(incidents).where(inArray(incidents.id, slice)).all())),

    listOpenVisible: (viewerId, limit, group) => ({
      incidents: limit > 0 ? hydrate(openVisible[group].list.all({ viewerId, limit })) : [],
      total: openVisible[group].count.get({ viewerId })?.total ?? 0,
    }),

    listOpen: () =>
      hydrate(
        db
          .select()
          .from(incidents)
          .where(inArray(incidents.status, [...openStatuses]))
          .orderBy(asc(incidents.number))
          .all(),
      ),

    listSince: (from) => hydrate(since.all({ since: from }).sort((a, b) => b.declaredAt - a.declaredAt)),

    save: (incident, events, before) =>
      db.transaction((tx) => {
        const changes = changedColumns(incident, before);
        tx.update(incidents)
          .set({ ...changes, version: sql`${incidents.version} + 1` })
          .where(eq(incidents.id, incident.id))
          .run();
        writeEvents(tx, incident.id, events);
      }),

    setSlackRefs: (id, refs) => {
      db.update(incidents)
        .set({ ...refs, version: sql`${incidents.version} + 1` })
        .where(eq(incidents.id, id))
        .run();
      const incident = findById(id);
      if (!incident) throw new Error(`incident ${id} not found`);
      return incident;
    },

    roleHistory: (id): RoleTenure[] =>
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
        })),
  };
};
