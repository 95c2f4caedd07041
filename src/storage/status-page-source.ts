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

const toSource = (row: Omit<IncidentRow, 'severity'> & { severity: string }): IncidentRow => ({ ...row, severity: row.severity as Severity });
const toUpdate = (row: Omit<IncidentUpdate, 'status'> & { status: string }): IncidentUpdate => ({ ...row, status: row.status as Status });

/** Appends each update to its incident's list, keeping the order the rows come in. */
const addUpdates = (byIncident: Map<string, IncidentUpdate[]>, rows: (Omit<IncidentUpdate, 'status'> & { status: string })[]) => {
  for (const row of rows) {
    const update = toUpdate(row);
    const own = byIncident.get(update.incidentId);
    if (own) own.push(update);
    else byIncident.set(update.incidentId, [update]);
  }
};

const prepareStatements = (db: Db) => ({
  stamp: db.select({ version: publicChanges.version, epoch: publicChanges.epoch }).from(publicChanges).where(eq(publicChanges.id, 1)).prepare(),
  windowIncidents: db.select(columns).from(incidents).where(shown).prepare(),
  windowUpdates: db
    .select(updateColumns)
    .from(incidentUpdates)
    .where(and(inArray(incidentUpdates.incidentId, db.select({ id: incidents.id }).from(incidents).where(shown)), hasCustomerMessage))
    .orderBy(...inStoredOrder)
    .prepare(),
  changedIncidents: db.select(columns).from(incidents).where(gt(incidents.publicVersion, sql.placeholder('version'))).prepare(),
  windowMaintenances: db.select().from(maintenances).where(gt(maintenances.endsAt, since)).orderBy(asc(maintenances.startsAt)).prepare(),
});
type Statements = ReturnType<typeof prepareStatements>;

/** What the source holds between reads, as of the stamp `version` of `epoch`. */
interface Held {
  version: number;
  epoch: number;
  since: number;
  incidents: Map<string, IncidentRow>;
  updates: Map<string, IncidentUpdate[]>;
}

const readAll = (statements: Statements, from: number, stamp: { version: number; epoch: number }): Held => {
  const updates = new Map<string, IncidentUpdate[]>();
  addUpdates(updates, statements.windowUpdates.all({ since: from }));
  const rows = new Map(statements.windowIncidents.all({ since: from }).map((row) => [row.id, toSource(row)]));
  return { ...stamp, since: from, incidents: rows, updates };
};

/** Replaces, in what is held, the incidents stamped since it was read, and their updates. */
const readChanges = (db: Db, statements: Statements, state: Held, from: number, version: number) => {
  const changed = statements.changedIncidents.all({ version: state.version });
  for (const row of changed) {
    state.incidents.delete(row.id);
    state.updates.delete(row.id);
    if (!row.isDrill && !row.isPrivate && (row.declaredAt >= from || isOpen(row.status))) state.incidents.set(row.id, toSource(row));
  }
  const changedIds = changed.filter((row) => state.incidents.has(row.id)).map((row) => row.id);
  const updates = readInSlices(changedIds, (slice) =>
    db.select(updateColumns).from(incidentUpdates).where(and(inArray(incidentUpdates.incidentId, slice), hasCustomerMessage)).orderBy(...inStoredOrder).all(),
  );
  addUpdates(state.updates, updates);
  state.version = version;
};

/** The window moves on with time: resolved incidents declared before it leave. */
const moveWindow = (state: Held, from: number) => {
  for (const [id, row] of state.incidents) {
    if (row.declaredAt < from && !isOpen(row.status)) {
      state.incidents.delete(id);
      state.updates.delete(id);
    }
  }
  state.since = from;
};

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
  const statements = prepareStatements(db);
  let held: Held | undefined;
  return {
    version: () => statements.stamp.get()?.version ?? 0,
    read: (from) => {
      const stamp = statements.stamp.get() ?? { version: 0, epoch: 0 };
      if (!held || held.epoch !== stamp.epoch || from < held.since) held = readAll(statements, from, stamp);
      else if (held.version !== stamp.version) readChanges(db, statements, held, from, stamp.version);
      moveWindow(held, from);
      return {
        incidents: [...held.incidents.values()],
        updates: held.updates,
        maintenances: statements.windowMaintenances.all({ since: from }),
      };
    },
  };
};
