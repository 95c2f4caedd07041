export interface Problem {
  path: PropertyKey[];
  message: string;
}

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entries of a top-level list, keeping their positions; whatever is not a mapping is skipped. */
const entries = (file: unknown, section: string): [number, Entry][] => {
  const list = isEntry(file) ? file[section] : undefined;
  return Array.isArray(list) ? list.flatMap((item, index): [number, Entry][] => (isEntry(item) ? [[index, item]] : [])) : [];
};

const text = (entry: Entry, key: string): string | undefined => {
  const value = entry[key];
  return typeof value === 'string' ? value : undefined;
};

/** The ids a top-level list defines (`services`, `teams` …), as written. */
export const definedIds = (file: unknown, section: string): Set<string> =>
  new Set(entries(file, section).flatMap(([, entry]) => (text(entry, 'id') === undefined ? [] : [text(entry, 'id')!])));

const known = (label: string, ids: Set<string>): string => (ids.size > 0 ? ` (${label}: ${[...ids].join(', ')})` : ` (no ${label} are defined)`);

/** Ids must be unique within their list; returns the ids defined. */
const uniqueIds = (file: unknown, section: string, problems: Problem[]): Set<string> => {
  const first = new Map<string, number>();
  for (const [index, entry] of entries(file, section)) {
    const id = text(entry, 'id');
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else problems.push({ path: [section, index, 'id'], message: `duplicate id ${id} (also ${section}[${earlier}])` });
  }
  return new Set(first.keys());
};

/** Only an alert that pages can declare: a key naming another severity would never take effect. */
const autoDeclareProblems = (alerts: Entry, policy: Entry, policyIndex: number): Problem[] => {
  const pageSeverities = Array.isArray(alerts.page_severities) ? alerts.page_severities.filter((value): value is string => typeof value === 'string') : ['critical'];
  const paging = new Set(pageSeverities.map((value) => value.toLowerCase()));
  return (isEntry(policy.auto_declare) ? Object.keys(policy.auto_declare) : [])
    .filter((label) => !paging.has(label.toLowerCase()))
    .map((label) => ({
      path: ['escalation_policies', policyIndex, 'auto_declare', label],
      message: `only alerts that page can declare an incident; alerts.page_severities is [${pageSeverities.join(', ')}]`,
    }));
};

/** A level's `schedule:<id>` targets name schedules that exist. */
const scheduleTargetProblems = (policy: Entry, policyIndex: number, schedules: Set<string>): Problem[] => {
  const problems: Problem[] = [];
  const levels = Array.isArray(policy.levels) ? policy.levels : [];
  levels.forEach((level: unknown, levelIndex) => {
    const targets = isEntry(level) && Array.isArray(level.targets) ? level.targets : [];
    targets.forEach((target: unknown, targetIndex) => {
      if (typeof target !== 'string' || !target.startsWith('schedule:')) return;
      const scheduleId = target.slice('schedule:'.length);
      if (scheduleId && !schedules.has(scheduleId)) {
        problems.push({
          path: ['escalation_policies', policyIndex, 'levels', levelIndex, 'targets', targetIndex],
          message: `no schedule with id ${scheduleId}${known('schedules', schedules)}`,
        });
      }
    });
  });
  return problems;
};

/**
 * Checks what a schema of each entry cannot: ids are unique and references name something defined.
 * Works on the raw file, so these problems are reported together with any others.
 */
export const crossReferenceProblems = (file: unknown): Problem[] => {
  const problems: Problem[] = [];
  uniqueIds(file, 'services', problems);
  const teams = uniqueIds(file, 'teams', problems);
  const schedules = uniqueIds(file, 'schedules', problems);
  const policies = uniqueIds(file, 'escalation_policies', problems);
  uniqueIds(file, 'severities', problems);

  const services = new Set(entries(file, 'services').flatMap(([, entry]) => text(entry, 'id') ?? []));
  const checkServices = (path: PropertyKey[], value: unknown): void => {
    if (!Array.isArray(value)) return;
    value.forEach((serviceId: unknown, index) => {
      if (typeof serviceId === 'string' && !services.has(serviceId)) {
        problems.push({ path: [...path, index], message: `no service with id ${serviceId}${known('services', services)}` });
      }
    });
  };
  const alerts = isEntry(file) && isEntry(file.alerts) ? file.alerts : {};
  uniqueIds(alerts, 'sources', problems);
  for (const [index, source] of entries(alerts, 'sources')) {
    if (text(source, 'id') === 'slo') problems.push({ path: ['alerts', 'sources', index, 'id'], message: 'slo is the source of the SLOs\' own burn-rate alerts: choose another id' });
  }
  uniqueIds(alerts, 'maintenance_windows', problems);
  for (const [index, window] of entries(alerts, 'maintenance_windows')) checkServices(['alerts', 'maintenance_windows', index, 'services'], window.services);
  const heartbeatTeam = isEntry(alerts.heartbeat) ? text(alerts.heartbeat, 'team') : undefined;
  if (heartbeatTeam !== undefined && !teams.has(heartbeatTeam)) {
    problems.push({ path: ['alerts', 'heartbeat', 'team'], message: `no team with id ${heartbeatTeam}${known('teams', teams)}` });
  }

  const checkPolicy = (section: string, index: number, entry: Entry): void => {
    const policyId = text(entry, 'escalation_policy');
    if (policyId !== undefined && !policies.has(policyId)) {
      problems.push({
        path: [section, index, 'escalation_policy'],
        message: `no escalation policy with id ${policyId}${known('escalation_policies', policies)}`,
      });
    }
  };
  for (const [index, service] of entries(file, 'services')) {
    const team = text(service, 'team');
    if (team !== undefined && !teams.has(team)) {
      problems.push({ path: ['services', index, 'team'], message: `no team with id ${team}${known('teams', teams)}` });
    }
    checkPolicy('services', index, service);
    checkServices(['services', index, 'depends_on'], service.depends_on);
  }
  for (const [index, team] of entries(file, 'teams')) checkPolicy('teams', index, team);
  uniqueIds(file, 'slos', problems);
  for (const [index, slo] of entries(file, 'slos')) {
    const service = text(slo, 'service');
    if (service !== undefined && !services.has(service)) problems.push({ path: ['slos', index, 'service'], message: `no service with id ${service}${known('services', services)}` });
  }
  if (entries(file, 'slos').length > 0 && !(isEntry(file) && isEntry(file.prometheus))) {
    problems.push({ path: ['prometheus'], message: 'is needed by slos: the url of the Prometheus server their queries are read from' });
  }
  for (const [policyIndex, policy] of entries(file, 'escalation_policies')) {
    problems.push(...autoDeclareProblems(alerts, policy, policyIndex), ...scheduleTargetProblems(policy, policyIndex, schedules));
  }
  return problems;
};
