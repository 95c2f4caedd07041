import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Escalation, EscalationRepository, EscalationStatus } from '../app/paging/ports.js';
import type { IdGenerator } from '../app/ports.js';
import type { Db } from './database.js';
import { escalations, pageNotifications } from './schema.js';
import { readInSlices } from './in-slices.js';

type Row = typeof escalations.$inferSelect;

const toEscalation = (row: Row): Escalation => ({
  ...row,
  targetKind: row.targetKind as Escalation['targetKind'],
  status: row.status as EscalationStatus,
});

export const createEscalationRepository = (db: Db, newId: IdGenerator): EscalationRepository => ({
  create: (input) => toEscalation(db.insert(escalations).values({ id: newId(), ...input }).returning().get()),

  findById: (id) => {
    const row = db.select().from(escalations).where(eq(escalations.id, id)).get();
    return row ? toEscalation(row) : undefined;
  },

  listForIncident: (incidentId) =>
    db
      .select()
      .from(escalations)
      .where(eq(escalations.incidentId, incidentId))
      .orderBy(asc(escalations.startedAt))
      .all()
      .map(toEscalation),

  listAcknowledgedForIncidents: (incidentIds) =>
    readInSlices(incidentIds, (slice) =>
      db
        .select()
        .from(escalations)
        .where(and(inArray(escalations.incidentId, slice), isNotNull(escalations.acknowledgedAt)))
        .orderBy(asc(escalations.startedAt))
        .all(),
    ).map(toEscalation),

  update: (escalation) => {
    const { id, ...rest } = escalation;
    db.update(escalations).set(rest).where(eq(escalations.id, id)).run();
  },

  addNotification: (notification) => {
    db.insert(pageNotifications).values(notification).run();
  },

  notifications: (escalationId) =>
    db
      .select()
      .from(pageNotifications)
      .where(eq(pageNotifications.escalationId, escalationId))
      .orderBy(asc(pageNotifications.id))
      .all()
      .map(({ id: _id, ...notification }) => notification),
});
