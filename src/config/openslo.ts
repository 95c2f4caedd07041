import { parseAllDocuments } from 'yaml';

// SLOs written as OpenSLO (apiVersion openslo/v1) files, read into the configuration's own `slos`
// entries: over Prometheus, one objective, a rolling window; ratio SLIs budgeted by occurrences, or
// threshold SLIs budgeted by time slices. Anything else is refused by file, SLO and field, saying
// what is supported instead.

export interface OpenSloFile {
  /** As written under `openslo:` in the configuration file. */
  path: string;
  text: string;
}

/** A `slos:` entry as the configuration file writes it. */
export interface SloEntry {
  id: string;
  service: string;
  objective: number;
  window: string;
  good: string;
  total: string;
}

export interface OpenSloSlos {
  slos: SloEntry[];
  /** For each entry, where it came from: `openslo: <file>: SLO <name>`. */
  origins: string[];
  problems: string[];
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((node, key) => (isNode(node) ? node[key] : undefined), value);

class Refusal extends Error {}
const refuse = (field: string, message: string): never => {
  throw new Refusal(`${field}: ${message}`);
};

const selector = /^[A-Za-z_:][A-Za-z0-9_:]*(\{[^{}]*\})?$/;

/**
 * One side of the ratio as PromQL over `$window`: a query that already has `$window` is kept; a
 * counter's metric selector becomes sum(rate(selector[$window])).
 */
const query = (metric: unknown, field: string, counter: unknown): string => {
  const type = at(metric, 'metricSource', 'type');
  if (typeof type === 'string' && type.toLowerCase() !== 'prometheus') refuse(`${field}.metricSource.type`, `${type} is not read here: only Prometheus`);
  const text = at(metric, 'metricSource', 'spec', 'query');
  if (typeof text !== 'string' || text.trim() === '') return refuse(`${field}.metricSource.spec.query`, 'is required: the PromQL of this side of the ratio');
  const trimmed = text.trim();
  if (trimmed.includes('$window')) return trimmed;
  if (counter === true && selector.test(trimmed)) return `sum(rate(${trimmed}[$window]))`;
  return refuse(
    `${field}.metricSource.spec.query`,
    counter === true
      ? 'must be a metric selector such as http_requests_total{code!~"5.."} (it is read as sum(rate(selector[$window]))), or PromQL with $window where the range goes'
      : 'must be PromQL with $window where the range goes (counter: true also takes a plain metric selector)',
  );
};

const ratio = (indicator: unknown, field: string): { good: string; total: string } => {
  const spec = at(indicator, 'spec');
  if (at(spec, 'thresholdMetric') !== undefined) refuse(`${field}.spec.thresholdMetric`, 'is read with budgetingMethod: Timeslices only (a ratioMetric counts events)');
  const metric = at(spec, 'ratioMetric');
  if (!isNode(metric)) return refuse(`${field}.spec.ratioMetric`, 'is required: good (or bad) and total');
  if (metric.raw !== undefined) refuse(`${field}.spec.ratioMetric.raw`, 'is not supported: give good (or bad) and total');
  const counter = metric.counter;
  if (metric.total === undefined) refuse(`${field}.spec.ratioMetric.total`, 'is required');
  const total = query(metric.total, `${field}.spec.ratioMetric.total`, counter);
  if (metric.good !== undefined) return { good: query(metric.good, `${field}.spec.ratioMetric.good`, counter), total };
  // A counter of failures has no series until the first failure: none counts as zero.
  if (metric.bad !== undefined) return { good: `(${total}) - ((${query(metric.bad, `${field}.spec.ratioMetric.bad`, counter)}) or vector(0))`, total };
  return refuse(`${field}.spec.ratioMetric`, 'needs good or bad beside total');
};

const onlyObjective = (spec: unknown): unknown => {
  const objectives = at(spec, 'objectives');
  if (!Array.isArray(objectives) || objectives.length !== 1) return refuse('spec.objectives', 'must hold exactly one objective (composite SLOs are not supported)');
  return (objectives as unknown[])[0];
};

const objective = (spec: unknown): number => {
  const only = onlyObjective(spec);
  if (at(only, 'indicator') !== undefined || at(only, 'indicatorRef') !== undefined) refuse('spec.objectives[0]', 'an indicator per objective (a composite SLO) is not supported');
  const target = at(only, 'target');
  const percent = at(only, 'targetPercent');
  const value = typeof percent === 'number' ? percent : typeof target === 'number' ? target * 100 : undefined;
  if (value === undefined || !(value > 0 && value < 100)) return refuse('spec.objectives[0]', 'needs target (above 0, below 1) or targetPercent (above 0, below 100)');
  return Number(value.toPrecision(12));
};

const comparisons: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** A slice's length as PromQL: a duration such as 1m, or a number of minutes (OpenSLO's default unit). */
const sliceOf = (value: unknown): string => {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return `${value}m`;
  if (typeof value === 'string' && /^\d+[smh]$/.test(value.trim()) && !/^0+[smh]$/.test(value.trim())) return value.trim();
  return refuse('spec.objectives[0].timeSliceWindow', 'is required with Timeslices: the length of a slice, such as 1m or 5m (a number is minutes)');
};

/**
 * Timeslices over a thresholdMetric: the window is cut into slices of timeSliceWindow, each good when
 * the query, evaluated at the slice's end, compares as the objective says (op, value); the SLI is
 * good slices out of the slices with data. A Prometheus subquery counts them. A slice has one value,
 * the query's over it (write its range as the slice, rate(…[1m]) for 1m slices), so timeSliceTarget
 * has nothing more to weigh.
 */
const timeslices = (indicator: unknown, field: string, spec: unknown): { good: string; total: string } => {
  const metric = at(indicator, 'spec', 'thresholdMetric');
  if (!isNode(metric)) return refuse(`${field}.spec.thresholdMetric`, 'is required with budgetingMethod: Timeslices (a ratioMetric is read with Occurrences)');
  const text = at(metric, 'metricSource', 'spec', 'query');
  const type = at(metric, 'metricSource', 'type');
  if (typeof type === 'string' && type.toLowerCase() !== 'prometheus') refuse(`${field}.spec.thresholdMetric.metricSource.type`, `${type} is not read here: only Prometheus`);
  if (typeof text !== 'string' || text.trim() === '') return refuse(`${field}.spec.thresholdMetric.metricSource.spec.query`, 'is required: the PromQL whose value each slice is judged by');
  const only = onlyObjective(spec);
  const op = at(only, 'op');
  const value = at(only, 'value');
  if (typeof op !== 'string' || !(op in comparisons)) refuse('spec.objectives[0].op', 'must be lt, lte, gt or gte: how a slice\'s value compares with value');
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse('spec.objectives[0].value', 'must be a number: the threshold a slice\'s value is compared with');
  const slice = sliceOf(at(only, 'timeSliceWindow'));
  const query = text.trim();
  return { good: `count_over_time(((${query}) ${comparisons[op as string]} ${String(value)})[$window:${slice}])`, total: `count_over_time((${query})[$window:${slice}])` };
};

const windowOf = (spec: unknown): string => {
  const windows = at(spec, 'timeWindow');
  if (windows === undefined) return '28d';
  if (!Array.isArray(windows) || windows.length !== 1) return refuse('spec.timeWindow', 'must hold exactly one window');
  const [only] = windows as unknown[];
  if (at(only, 'isRolling') !== true || at(only, 'calendar') !== undefined) refuse('spec.timeWindow[0]', 'only rolling windows are supported (isRolling: true)');
  const duration = at(only, 'duration');
  if (typeof duration !== 'string' || !/^\d+[hdw]$/.test(duration.trim())) {
    return refuse('spec.timeWindow[0].duration', 'must be hours, days or weeks such as 28d or 4w (months, quarters and years are calendar windows)');
  }
  return duration.trim();
};

const toEntry = (document: Node, indicators: Map<string, Node>, services: ReadonlySet<string>): SloEntry => {
  const name = at(document, 'metadata', 'name');
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return refuse('metadata.name', 'must be a name of letters, digits, -, _ or .');
  const spec = document.spec;
  const service = at(spec, 'service');
  if (typeof service !== 'string' || !services.has(service)) return refuse('spec.service', `must be the id of a service under services${typeof service === 'string' ? ` (no service ${service})` : ''}`);
  const method = at(spec, 'budgetingMethod');
  if (method !== undefined && method !== 'Occurrences' && method !== 'Timeslices') {
    refuse('spec.budgetingMethod', `${typeof method === 'string' ? method : JSON.stringify(method)} is not supported: Occurrences (good events out of all) or Timeslices (good slices out of all, over a thresholdMetric)`);
  }
  const reference = at(spec, 'indicatorRef');
  const indicator = typeof reference === 'string' ? indicators.get(reference) : at(spec, 'indicator');
  if (typeof reference === 'string' && !indicator) refuse('spec.indicatorRef', `no SLI named ${reference} in the openslo files`);
  if (!indicator) return refuse('spec.indicator', 'is required (or indicatorRef, the name of an SLI document)');
  const field = typeof reference === 'string' ? `SLI ${reference}` : 'spec.indicator';
  const events = method === 'Timeslices' ? timeslices(indicator, field, spec) : ratio(indicator, field);
  return { id: name, service, objective: objective(spec), window: windowOf(spec), ...events };
};

/**
 * The SLOs of these files, as `slos` entries, each with where it came from; every document that
 * cannot be read is a problem line naming its file, SLO and field.
 */
export const slosFromOpenSlo = (files: OpenSloFile[], services: ReadonlySet<string>): OpenSloSlos => {
  const out: OpenSloSlos = { slos: [], origins: [], problems: [] };
  const documents: { path: string; node: Node }[] = [];
  for (const file of files) {
    for (const [index, document] of parseAllDocuments(file.text).entries()) {
      if (document.errors.length > 0) {
        out.problems.push(`openslo: ${file.path}: document ${index + 1}: ${document.errors[0]!.message.split('\n')[0]}`);
        continue;
      }
      const node: unknown = document.toJS();
      if (node === null || node === undefined) continue;
      if (!isNode(node) || node.apiVersion !== 'openslo/v1') {
        out.problems.push(`openslo: ${file.path}: document ${index + 1}: apiVersion must be openslo/v1`);
        continue;
      }
      documents.push({ path: file.path, node });
    }
  }
  const indicators = new Map(documents.filter(({ node }) => node.kind === 'SLI').map(({ node }) => [String(at(node, 'metadata', 'name')), node]));
  for (const { path, node } of documents.filter((each) => each.node.kind === 'SLO')) {
    const name = at(node, 'metadata', 'name');
    const where = `openslo: ${path}: SLO ${typeof name === 'string' ? name : '(no name)'}`;
    try {
      out.slos.push(toEntry(node, indicators, services));
      out.origins.push(where);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      out.problems.push(`${where}: ${error.message}`);
    }
  }
  return out;
};
