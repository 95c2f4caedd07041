import type { ServiceCatalog } from '../escalation/types.js';
import type { AlertClass } from './alert.js';

/** Alertmanager's label matchers: equal, not equal, regex match, regex non-match (anchored). */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOperator;
  value: string;
}

/** A silence as alerts see it: from when to when it holds alerts whose labels all match. */
export interface Silence {
  id: string;
  matchers: LabelMatcher[];
  reason: string;
  createdBy: string;
  createdAt: number;
  endsAt: number;
  /** Set when someone ended it early. */
  expiredAt: number | null;
  /** The creator ticked "I know this holds pages": only then may it hold a tier-1 critical. */
  holdsPages: boolean;
}

const compiled = new Map<string, RegExp>();
/** Compiled once per pattern: a storm tests the same few silences thousands of times. */
const anchored = (pattern: string): RegExp => {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
};

/** Whether one matcher accepts the labels; a missing label reads as the empty string, as in Alertmanager. */
export const matcherMatches = (matcher: LabelMatcher, labels: Record<string, string>): boolean => {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
    case '!~':
      return !anchored(matcher.value).test(value);
  }
};

export const matchesAll = (matchers: readonly LabelMatcher[], labels: Record<string, string>): boolean =>
  matchers.length > 0 && matchers.every((matcher) => matcherMatches(matcher, labels));

export const isActive = (silence: Silence, now: number): boolean => silence.expiredAt === null && now < silence.endsAt;

const linePattern = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|(\S*))\s*$/;

/** One matcher as written in the form: `name="value"`, `name!=value`, `name=~"db-.*"`. */
export const parseMatcher = (text: string): LabelMatcher | string => {
  const found = linePattern.exec(text);
  if (!found) return `\`${text.trim().slice(0, 60)}\` is not a matcher; write name="value" (or !=, =~, !~).`;
  const [, name = '', op = '=', quoted, bare] = found;
  const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
  if (op === '=~' || op === '!~') {
    try {
      anchored(value);
    } catch {
      return `\`${value.slice(0, 60)}\` is not a regular expression.`;
    }
  }
  return { name, op: op as MatchOperator, value };
};

export const formatMatcher = (matcher: LabelMatcher): string => `${matcher.name}${matcher.op}${JSON.stringify(matcher.value)}`;

/**
 * Whether a silence with these matchers could ever match a critical alert of a tier-1 service. Each
 * tier-1 service is tried with each paging severity, named both by the service label and by its
 * alert_labels; labels the probe does not fix could hold anything, so a matcher on them counts as
 * met. That errs towards asking: a silence that might hold a page needs the explicit tick.
 */
export const couldHoldPages = (config: ServiceCatalog, matchers: readonly LabelMatcher[]): string | null => {
  const severities = config.alerts.pageSeverities.flatMap((severity) => [severity, severity.toLowerCase()]);
  for (const service of config.services.filter((candidate) => candidate.tier === 1)) {
    const byLabel = { [config.alerts.serviceLabel]: service.id };
    // Named by alert_labels, the alert's service label names no configured service (else that one wins).
    const byAlertLabels = Object.keys(service.alertLabels).length > 0 ? service.alertLabels : undefined;
    const namesOther = (matcher: LabelMatcher) =>
      matcher.name === config.alerts.serviceLabel && matcher.op === '=' && config.services.some((other) => other.id === matcher.value);
    for (const severity of severities) {
      const probe: Record<string, string> = { ...byLabel, severity };
      if (matchers.every((matcher) => !(matcher.name in probe) || matcherMatches(matcher, probe))) return service.id;
      if (!byAlertLabels) continue;
      const labelled: Record<string, string> = { ...byAlertLabels, severity };
      if (matchers.every((matcher) => !namesOther(matcher) && (!(matcher.name in labelled) || matcherMatches(matcher, labelled)))) return service.id;
    }
  }
  return null;
};

/** The silence that holds this alert now, if any; never a tier-1 critical unless the silence says it may. */
export const silenceFor = (
  config: ServiceCatalog,
  alert: { service: string | null; labels: Record<string, string>; alertClass: AlertClass },
  silences: readonly Silence[],
  now: number,
): Silence | undefined => {
  const tier = config.services.find((service) => service.id === alert.service)?.tier;
  const pages = alert.alertClass === 'critical' && tier === 1;
  return silences.find((silence) => isActive(silence, now) && (silence.holdsPages || !pages) && matchesAll(silence.matchers, alert.labels));
};
