import { describe, expect, it } from 'vitest';
import { couldHoldPages, matchesAll, matcherMatches, parseMatcher, silenceFor, type LabelMatcher, type Silence } from '../../../src/domain/alerts/silence.js';
import { parseIncidentConfig } from '../../../src/config/incident-config-file.js';
import { alertsConfigYaml } from '../../support/alerts-config.js';

const config = parseIncidentConfig(alertsConfigYaml());
const now = Date.UTC(2026, 10, 28, 23, 0);
const m = (text: string): LabelMatcher => {
  const parsed = parseMatcher(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('matcherMatches (Alertmanager semantics)', () => {
  const labels = { alertname: 'DiskFull', service: 'search', instance: 'db-12:9100' };
  it.each([
    ['alertname="DiskFull"', true],
    ['alertname="Disk"', false],
    ['alertname!="DiskFull"', false],
    ['alertname!=Disk', true],
    ['instance=~"db-[0-9]+:9100"', true],
    // Anchored: a partial match is no match.
    ['instance=~"db-1"', false],
    ['instance!~"db-1"', true],
    ['instance!~"db-.*"', false],
    // A missing label reads as the empty string.
    ['team=""', true],
    ['team!=""', false],
    ['team=~".*"', true],
    ['team=~".+"', false],
    ['service=~"search|checkout-api"', true],
  ])('%s → %s', (text, expected) => {
    expect(matcherMatches(m(text), labels)).toBe(expected);
  });

  it('needs every matcher, and at least one', () => {
    expect(matchesAll([m('service="search"'), m('alertname="DiskFull"')], labels)).toBe(true);
    expect(matchesAll([m('service="search"'), m('alertname="CPU"')], labels)).toBe(false);
    expect(matchesAll([], labels)).toBe(false);
  });

  it('reads quoted values with escapes and refuses what is not a matcher', () => {
    expect(m('summary="say \\"hi\\""')).toEqual({ name: 'summary', op: '=', value: 'say "hi"' });
    expect(typeof parseMatcher('no operator here')).toBe('string');
    expect(typeof parseMatcher('instance=~"db-("')).toBe('string');
    expect(typeof parseMatcher('1bad="x"')).toBe('string');
  });
});

describe('couldHoldPages', () => {
  it.each([
    [['service="payments"'], 'payments'],
    [['service="payments"', 'severity="warning"'], null],
    [['service="search"'], null],
    [['severity="critical"'], 'db'],
    [['alertname="DiskFull"'], 'db'],
    [['service!~"db|checkout-api|payments|edge-lb"', 'db_cluster!="mysql-primary"'], null],
    // The database is named by its alert_labels too, unless the service label names another service.
    [['db_cluster="mysql-primary"', 'service="not-configured"'], 'db'],
    [['db_cluster="mysql-primary"', 'service="search"'], null],
    [['severity=~"crit.*"', 'service="edge-lb"'], 'edge-lb'],
  ])('%j → %s', (texts, expected) => {
    expect(couldHoldPages(config, texts.map(m))).toBe(expected);
  });
});

describe('silenceFor', () => {
  const silence = (matchers: string[], holdsPages: boolean, overrides: Partial<Silence> = {}): Silence => ({
    id: 's1', matchers: matchers.map(m), reason: 'known', createdBy: 'U1', createdAt: now - 60_000, endsAt: now + 3_600_000, expiredAt: null, holdsPages, ...overrides,
  });
  const critical = { service: 'payments', labels: { alertname: 'Down', service: 'payments', severity: 'critical' }, alertClass: 'critical' as const };
  const warning = { service: 'search', labels: { alertname: 'Slow', service: 'search', severity: 'warning' }, alertClass: 'warning' as const };

  it('holds a matching alert while active, not before or after', () => {
    expect(silenceFor(config, warning, [silence(['alertname="Slow"'], false)], now)?.id).toBe('s1');
    expect(silenceFor(config, warning, [silence(['alertname="Slow"'], false, { endsAt: now })], now)).toBeUndefined();
    expect(silenceFor(config, warning, [silence(['alertname="Slow"'], false, { expiredAt: now - 1 })], now)).toBeUndefined();
    expect(silenceFor(config, warning, [silence(['alertname="Other"'], false)], now)).toBeUndefined();
  });

  it('never holds a tier-1 critical without the tick', () => {
    expect(silenceFor(config, critical, [silence(['alertname="Down"'], false)], now)).toBeUndefined();
    expect(silenceFor(config, critical, [silence(['alertname="Down"'], true)], now)?.id).toBe('s1');
  });
});
