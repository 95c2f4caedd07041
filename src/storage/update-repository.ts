import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { IdGenerator } from '../app/ports.js';
import type { UpdateRepository } from '../app/communication/ports.js';
import type { IncidentUpdate } from '../domain/communication/types.js';
import type { Severity } from '../domain/incident/severity.js';
import type { Status } from '../domain/incident/status.js';
import type { Db } from './database.js';
import { incidentUpdates } from './schema.js';

type Row = typeof incidentUpdates.$inferSelect;

const toUpdate = (row: Row): IncidentUpdate & { severity: Severity } => ({
  ...row,
  status: row.status as Status,
  severity: row.severity as Severity,
});

export const createUpdateRepository = (db: Db, newId: IdGenerator): UpdateRepository => ({
  add: (update) => toUpdate(db.insert(incidentUpdates).values({ id: newId(), ...update }).returning().get()),
  listForIncident: (incidentId) =>
    db
      .select()
      .from(incidentUpdates)
      .where(eq(incidentUpdates.incidentId, incidentId))
      .orderBy(asc(incidentUpdates.postedAt), asc(sql`rowid`))
      .all()
      .map(toUpdate),
  listForIncidents: (incidentIds) =>
    incidentIds.length === 0
      ? []
      : db
          .select()
          .from(incidentUpdates)
          .where(inArray(incidentUpdates.incidentId, incidentIds))
          .orderBy(asc(incidentUpdates.postedAt), asc(sql`rowid`))
          .all()
          .map(toUpdate),
});
