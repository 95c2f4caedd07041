import { and, asc, eq, gt, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { StatusPageSource } from '../app/ports.js';
import type { IncidentUpdate } from '../domain/communication/types.js';
import { openStatuses, type Status } from '../domain/incident/status.js';
import type { Severity } from '../domain/incident/severity.js';
import type { Db } from './database.js';
import { incidentUpdates, incidents, maintenances, publicChanges } from './schema.js';

const since = sql.placeholder('since');

/**
 * The statements are prepared once: the version is read on every request to the page, the rest on
 * every rebuild. The incident condition is an OR of two indexed terms (declared_at, status), which
 * SQLite answers with one index search per term; an ORDER BY here would make it walk a whole index,
 * so the caller sorts.
 */
export const createStatusPageSource = (db: Db): StatusPageSource => {
  const shown = and(
    eq(incidents.isDrill, false),
    eq(incidents.isPrivate, false),
    or(gte(incidents.declaredAt, since), inArray(incidents.status, [...openStatuses])),
  );
  const versionQuery = db.select({ version: publicChanges.version }).from(publicChanges).where(eq(publicChanges.id, 1)).prepare();
  const incidentsQuery = db
    .select({
      id: incidents.id,
      isPrivate: incidents.isPrivate,
      severity: incidents.severity,
      services: incidents.services,
      declaredAt: incidents.declaredAt,
    })
    .from(incidents)
    .where(shown)
    .prepare();
  const updatesQuery = db
    .select()
    .from(incidentUpdates)
    .where(
      and(
        inArray(incidentUpdates.incidentId, db.select({ id: incidents.id }).from(incidents).where(shown)),
        isNotNull(incidentUpdates.customerMessage),
        ne(sql`trim(${incidentUpdates.customerMessage})`, ''),
      ),
    )
    .orderBy(asc(incidentUpdates.postedAt), asc(sql`${incidentUpdates}.rowid`))
    .prepare();
  const maintenancesQuery = db.select().from(maintenances).where(gt(maintenances.endsAt, since)).orderBy(asc(maintenances.startsAt)).prepare();

  return {
    version: () => versionQuery.get()?.version ?? 0,
    read: (from) => ({
      incidents: incidentsQuery.all({ since: from }).map((row) => ({ ...row, severity: row.severity as Severity })),
      updates: updatesQuery.all({ since: from }).map(
        ({ severity: _severity, ...row }): IncidentUpdate => ({ ...row, status: row.status as Status }),
      ),
      maintenances: maintenancesQuery.all({ since: from }),
    }),
  };
};
