import { and, asc, eq, gt, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { StatusPageSource } from '../app/communication/ports.js';
import type { PublicIncidentSource } from '../domain/communication/public-incident.js';
import type { IncidentUpdate } from '../domain/communication/types.js';
import { openStatuses, type Status } from '../domain/incident/status.js';
import type { Severity } from '../domain/incident/severity.js';
import type { Db } from './database.js';
import { readInSlices } from './in-slices.js';
import { incidentUpdates, incidents, maintenances, publicChanges } from './schema.js';

const since = sql.placeholder('since');
const isOpen = (status: string) => (openStatuses as readonly string[]).includes(status);

type IncidentRow = PublicIncidentSource & { isDrill: boolean; status: string };

/**
 * The status page's reads. The first read loads the incidents of the window and their public
 * updates; later reads ask only for the incidents stamped (by the triggers of migration 0007)
 * since the previous one and patch what they hold, so a rebuild after one update reads one
 * incident, not ten thousand. A deleted incident cannot be patched away: it starts a full read.
 *
 * The statements are prepared once. The window condition is an OR of two indexed terms
 * (declared_at, status), which SQLite answers with one index search per term; an ORDER BY there
 * would make it walk a whole index.
 */
export const createStatusPageSource = (db: Db): StatusPageSource => {
  const columns = {
    id: incidents.id,
    isPrivate: incidents.isPrivate,
    isDrill: incidents.isDrill,
    status: incidents.status,
    severity: incidents.severity,
    services: incidents.services,
    declaredAt: incidents.declaredAt,
  };
  const updateColumns = {
    id: incidentUpdates.id,
    incidentId: incidentUpdates.incidentId,
    status: incidentUpdates.status,
    whatChanged: incidentUpdates.whatChanged,
    impact: incidentUpdates.impact,
    nextSteps: incidentUpdates.nextSteps,
    nextUpdateAt: incidentUpdates.nextUpdateAt,
    customerMessage: incidentUpdates.customerMessage,
    postedBy: incidentUpdates.postedBy,
    postedAt: incidentUpdates.postedAt,
  };
  const shown = and(
    eq(incidents.isDrill, false),
    eq(incidents.isPrivate, false),
    or(gte(incidents.declaredAt, since), inArray(incidents.status, [...openStatuses])),
  );
  const hasCustomerMessage = and(isNotNull(incidentUpdates.customerMessage), ne(sql`trim(${incidentUpdates.customerMessage})`, ''));
  const inStoredOrder = [asc(incidentUpdates.postedAt), asc(sql`${incidentUpdates}.rowid`)];

  const stampQuery = db.select({ version: publicChanges.version, epoch: publicChanges.epoch }).from(publicChanges).where(eq(publicChanges.id, 1)).prepare();
  const windowIncidents = db.select(columns).from(incidents).where(shown).prepare();
  const windowUpdates = db
    .select(updateColumns)
    .from(incidentUpdates)
    .where(and(inArray(incidentUpdates.incidentId, db.select({ id: incidents.id }).from(incidents).where(shown)), hasCustomerMessage))
    .orderBy(...inStoredOrder)
    .prepare();
  const changedIncidents = db.select(columns).from(incidents).where(gt(incidents.publicVersion, sql.placeholder('version'))).prepare();
  const windowMaintenances = db.select().from(maintenances).where(gt(maintenances.endsAt, since)).orderBy(asc(maintenances.startsAt)).prepare();

  const toSource = (row: ReturnType<typeof windowIncidents.all>[number]): IncidentRow => ({ ...row, severity: row.severity as Severity });
  const toUpdate = (row: ReturnType<typeof windowUpdates.all>[number]): IncidentUpdate => ({ ...row, status: row.status as Status });

  let held: { version: number; epoch: number; since: number; incidents: Map<string, IncidentRow>; updates: Map<string, IncidentUpdate[]> } | undefined;

  const readAll = (from: number, stamp: { version: number; epoch: number }) => {
    const updates = new Map<string, IncidentUpdate[]>();
    for (const row of windowUpdates.all({ since: from })) {
      const update = toUpdate(row);
      const own = updates.get(update.incidentId);
      if (own) own.push(update);
      else updates.set(update.incidentId, [update]);
    }
    const rows = new Map(windowIncidents.all({ since: from }).map((row) => [row.id, toSource(row)]));
    held = { ...stamp, since: from, incidents: rows, updates };
  };

  const readChanges = (from: number, version: number) => {
    const state = held!;
    const changed = changedIncidents.all({ version: state.version });
    for (const row of changed) {
      state.incidents.delete(row.id);
      state.updates.delete(row.id);
      if (!row.isDrill && !row.isPrivate && (row.declaredAt >= from || isOpen(row.status))) state.incidents.set(row.id, toSource(row));
    }
    const changedIds = changed.filter((row) => state.incidents.has(row.id)).map((row) => row.id);
    const updates = readInSlices(changedIds, (slice) =>
      db.select(updateColumns).from(incidentUpdates).where(and(inArray(incidentUpdates.incidentId, slice), hasCustomerMessage)).orderBy(...inStoredOrder).all(),
    );
    for (const row of updates) {
      const update = toUpdate(row);
      const own = state.updates.get(update.incidentId);
      if (own) own.push(update);
      else state.updates.set(update.incidentId, [update]);
    }
    state.version = version;
  };

  return {
    version: () => stampQuery.get()?.version ?? 0,
    read: (from) => {
      const stamp = stampQuery.get() ?? { version: 0, epoch: 0 };
      if (!held || held.epoch !== stamp.epoch || from < held.since) readAll(from, stamp);
      else if (held.version !== stamp.version) readChanges(from, stamp.version);
      const state = held!;
      // The window moves on with time: resolved incidents declared before it leave.
      for (const [id, row] of state.incidents) {
        if (row.declaredAt < from && !isOpen(row.status)) {
          state.incidents.delete(id);
          state.updates.delete(id);
        }
      }
      state.since = from;
      return {
        incidents: [...state.incidents.values()],
        updates: state.updates,
        maintenances: windowMaintenances.all({ since: from }),
      };
    },
  };
};
