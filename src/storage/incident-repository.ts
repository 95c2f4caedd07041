import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { IncidentRepository, NewIncident } from '../app/incident/ports.js';
import type { Incident } from '../domain/incident/incident.js';
import type { TimelineEvent } from '../domain/timeline/event.js';
import type { Db } from './database.js';
import { incidents, roleAssignments, timelineEntries } from './schema.js';
import { timelineValues } from './timeline-repository.js';
import { createIncidentLookups, createVisibleIncidentLists, roleHistory, toIncident } from './incident-reads.js';

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

/** Appends the events to the timeline; a role assignment also ends the previous holder's tenure. */
const writeEvents = (tx: Db, newId: IdGenerator, incidentId: string, events: TimelineEvent[]) => {
  for (const event of events) {
    tx.insert(timelineEntries).values(timelineValues(newId(), incidentId, event)).run();
    if (event.kind !== 'role_assigned') continue;
    const role = String(event.data.role);
    tx.update(roleAssignments)
      .set({ endedAt: event.at })
      .where(and(eq(roleAssignments.incidentId, incidentId), eq(roleAssignments.role, role), isNull(roleAssignments.endedAt)))
      .run();
    tx.insert(roleAssignments)
      .values({ incidentId, role, userId: String(event.data.userId), assignedBy: event.actorId, startedAt: event.at })
      .run();
  }
};

/** The declaration, and the commander's assignment when the reporter named one. */
const declarationEvents = (input: NewIncident, now: number): TimelineEvent[] => [
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
];

const createIncident = (db: Db, newId: IdGenerator, input: NewIncident, now: number): Incident =>
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
    writeEvents(tx, newId, id, declarationEvents(input, now));
    const row = tx.select().from(incidents).where(eq(incidents.id, id)).get();
    if (!row) throw new Error('incident vanished inside its own transaction');
    return toIncident(row, input.commanderId ? { commander: input.commanderId } : {});
  });

export const createIncidentRepository = (db: Db, newId: IdGenerator): IncidentRepository => {
  const lookups = createIncidentLookups(db);
  return {
    ...lookups,
    ...createVisibleIncidentLists(db),
    create: (input, now) => createIncident(db, newId, input, now),

    save: (incident, events, before) =>
      db.transaction((tx) => {
        tx.update(incidents)
          .set({ ...changedColumns(incident, before), version: sql`${incidents.version} + 1` })
          .where(eq(incidents.id, incident.id))
          .run();
        writeEvents(tx, newId, incident.id, events);
      }),

    setSlackRefs: (id, refs) => {
      db.update(incidents)
        .set({ ...refs, version: sql`${incidents.version} + 1` })
        .where(eq(incidents.id, id))
        .run();
      const incident = lookups.findById(id);
      if (!incident) throw new Error(`incident ${id} not found`);
      return incident;
    },

    roleHistory: (id) => roleHistory(db, id),
  };
};
