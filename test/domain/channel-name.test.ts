import { describe, expect, it } from 'vitest';
import {
  channelNameCandidate,
  defaultChannelNameTemplate,
  isValidChannelName,
  maxChannelNameLength,
  renderChannelName,
  slugify,
} from '../../src/domain/incident/channel-name.js';

const longTitle = 'Database connection pool exhausted on the primary cluster after failover '.repeat(5).slice(0, 300);

/** The name contains `n` as a whole separator-delimited segment (not e.g. `142` or `420`). */
const keepsNumber = (name: string, n: number): boolean => new RegExp(`(^|[-_])${n}([-_]|$)`).test(name);

describe('slugify', () => {
  it.each([
    // plain
    ['Checkout API returns 500s', 'checkout-api-returns-500s'],
    ['MiXeD CaSe 42', 'mixed-case-42'],
    // accents are folded, not dropped
    ['Café Crème Brûlée', 'cafe-creme-brulee'],
    ['Ünïcödé Ärger naïve', 'unicode-arger-naive'],
    ['Señor Ñandú', 'senor-nandu'],
    // compatibility forms (NFKD)
    ['Ｆｕｌｌｗｉｄｔｈ ﬁle', 'fullwidth-file'],
    // emoji become separators and are then collapsed/trimmed
    ['🔥 DB down 🔥', 'db-down'],
    ['payments 🚨🚨 degraded', 'payments-degraded'],
    ['👩‍💻 dev env', 'dev-env'],
    // punctuation
    ['API: 500s!!! on /checkout?', 'api-500s-on-checkout'],
    ["it's (really) broken.", 'it-s-really-broken'],
    ['a.b,c;d', 'a-b-c-d'],
    // repeated separators
    ['a  --  b', 'a-b'],
    ['a---b', 'a-b'],
    ['one\ttwo\nthree', 'one-two-three'],
    // leading / trailing hyphens
    ['---leading and trailing---', 'leading-and-trailing'],
    ['  spaced  ', 'spaced'],
    ['!!!bang!!!', 'bang'],
    // underscores are valid channel characters and are kept
    ['snake_case_stays', 'snake_case_stays'],
    // empty / nothing usable
    ['', ''],
    ['   ', ''],
    ['🔥🚨💥', ''],
    ['!?!?', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each(['Café 🔥 down!!', longTitle, '---x---', 'ÀÉÎÕÜ', '🔥'])(
    'output of %j only holds [a-z0-9_-], no doubled or edge hyphens',
    (input) => {
      const slug = slugify(input);
      expect(slug).toMatch(/^[a-z0-9_-]*$/);
      expect(slug).not.toMatch(/--/);
      expect(slug).not.toMatch(/^-|-$/);
    },
  );

  it('is idempotent', () => {
    for (const input of ['Café Crème', longTitle, '🔥 DB down 🔥', 'snake_case']) {
      expect(slugify(slugify(input))).toBe(slugify(input));
    }
  });
});

describe('renderChannelName', () => {
  it('the default template is inc-{number}-{slug}', () => {
    expect(defaultChannelNameTemplate).toBe('inc-{number}-{slug}');
    expect(maxChannelNameLength).toBe(80);
  });

  it.each([
    [defaultChannelNameTemplate, 42, 'Checkout API returns 500s', 'SEV2', 'inc-42-checkout-api-returns-500s'],
    [defaultChannelNameTemplate, 7, 'Café down 🔥', 'SEV1', 'inc-7-cafe-down'],
    [defaultChannelNameTemplate, 42, '', 'SEV2', 'inc-42'],
    [defaultChannelNameTemplate, 42, '🔥🚨💥', 'SEV2', 'inc-42'],
    [defaultChannelNameTemplate, 42, '!!!', 'SEV2', 'inc-42'],
    ['{severity}-{number}', 42, 'Checkout API returns 500s', 'SEV2', 'sev2-42'],
    ['{severity}-{number}', 1, '', 'SEV1', 'sev1-1'],
    ['incident_{number}_{slug}', 42, 'Checkout API returns 500s', 'SEV3', 'incident_42_checkout-api-returns-500s'],
    ['incident_{number}_{slug}', 42, '', 'SEV3', 'incident_42'],
    ['incident_{number}_{slug}', 42, '🔥', 'SEV3', 'incident_42'],
    ['{slug}-{number}', 9, 'DB down', 'SEV4', 'db-down-9'],
    // nothing left at all → falls back to inc-{number} rather than an invalid empty name
    ['{slug}', 42, '🔥🚨', 'SEV2', 'inc-42'],
    ['{slug}', 42, '', 'SEV2', 'inc-42'],
  ])('%s with #%i %j (%s) → %s', (template, number, title, severity, expected) => {
    const name = renderChannelName(template, { number, title, severity });
    expect(name).toBe(expected);
    expect(isValidChannelName(name)).toBe(true);
  });

  it('cuts a 300-char title to exactly 80 chars with the default template', () => {
    const name = renderChannelName(defaultChannelNameTemplate, { number: 42, title: 'a'.repeat(300), severity: 'SEV1' });
    expect(name).toBe(`inc-42-${'a'.repeat(73)}`);
    expect(name).toHaveLength(80);
  });

  const templates = [defaultChannelNameTemplate, '{severity}-{number}', 'incident_{number}_{slug}', '{slug}-{number}'];
  const titles = [
    longTitle,
    'a'.repeat(300),
    'word '.repeat(60),
    '🔥'.repeat(150),
    'Ünïcödé '.repeat(40),
    '_'.repeat(300),
    '-_'.repeat(150),
    'x_'.repeat(150),
    '',
    '🔥',
    'Checkout API returns 500s',
  ];
  const numbers = [1, 42, 9_876_543];
  const matrix = templates.flatMap((template) =>
    titles.flatMap((title) => numbers.map((number) => ({ template, title, number }))),
  );

  it.each(matrix)(
    '$template #$number with a $title.length-char title is valid, ≤80 and keeps the number',
    ({ template, title, number }) => {
      const name = renderChannelName(template, { number, title, severity: 'SEV1' });
      expect(isValidChannelName(name)).toBe(true);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(keepsNumber(name, number)).toBe(true);
      expect(name).not.toMatch(/[-_]$/);
      expect(name).not.toMatch(/^[-_]/);
      expect(name).not.toMatch(/--/);
    },
  );

  it.each([
    [defaultChannelNameTemplate, 'inc-42-'],
    ['incident_{number}_{slug}', 'incident_42_'],
    ['{severity}-{number}', 'sev1-42'],
  ])('%s keeps its fixed part intact for a 300-char title', (template, prefix) => {
    const name = renderChannelName(template, { number: 42, title: longTitle, severity: 'SEV1' });
    expect(name.startsWith(prefix)).toBe(true);
  });

  it('uses (nearly) the whole length for a long slug instead of dropping it', () => {
    for (const template of [defaultChannelNameTemplate, 'incident_{number}_{slug}', '{slug}-{number}']) {
      const name = renderChannelName(template, { number: 42, title: 'a'.repeat(300), severity: 'SEV1' });
      expect(name.length).toBeGreaterThanOrEqual(78);
    }
  });

  it('honours a smaller maxLength and still keeps the number', () => {
    const name = renderChannelName(defaultChannelNameTemplate, { number: 42, title: longTitle, severity: 'SEV1' }, 20);
    expect(name.length).toBeLessThanOrEqual(20);
    expect(name.startsWith('inc-42-')).toBe(true);
    expect(name).not.toMatch(/[-_]$/);
  });
});

describe('channelNameCandidate', () => {
  it.each([
    ['inc-42-db-down', 0, 'inc-42-db-down'],
    ['inc-42-db-down', 1, 'inc-42-db-down'],
    ['inc-42-db-down', 2, 'inc-42-db-down-2'],
    ['inc-42-db-down', 3, 'inc-42-db-down-3'],
    ['inc-42', 2, 'inc-42-2'],
    ['inc-42', 10, 'inc-42-10'],
    // 80-char name: the slug is shortened to make room for the suffix
    [`inc-42-${'a'.repeat(73)}`, 2, `inc-42-${'a'.repeat(71)}-2`],
    [`inc-42-${'a'.repeat(73)}`, 3, `inc-42-${'a'.repeat(71)}-3`],
    [`inc-42-${'a'.repeat(73)}`, 10, `inc-42-${'a'.repeat(70)}-10`],
    // a cut landing right after a hyphen does not leave "--"
    [`inc-42-${'a'.repeat(70)}-bb`, 2, `inc-42-${'a'.repeat(70)}-2`],
  ])('%s attempt %i → %s', (name, attempt, expected) => {
    expect(channelNameCandidate(name, attempt)).toBe(expected);
  });

  const longName = renderChannelName(defaultChannelNameTemplate, { number: 42, title: longTitle, severity: 'SEV1' });
  const attempts = Array.from({ length: 19 }, (_, i) => i + 2); // 2..20

  it.each(attempts)('attempt %i on an 80-char rendered name stays valid and ≤80', (attempt) => {
    const candidate = channelNameCandidate(longName, attempt);
    expect(candidate.length).toBeLessThanOrEqual(80);
    expect(isValidChannelName(candidate)).toBe(true);
    expect(candidate.endsWith(`-${attempt}`)).toBe(true);
    expect(candidate.startsWith('inc-42-')).toBe(true);
    expect(candidate).not.toMatch(/--/);
  });

  it('gives a distinct name for every attempt', () => {
    const names = [1, ...attempts].map((attempt) => channelNameCandidate(longName, attempt));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('isValidChannelName', () => {
  it.each([
    ['inc-42-db-down', true],
    ['incident_42', true],
    ['a', true],
    ['a'.repeat(80), true],
    ['a'.repeat(81), false],
    ['', false],
    ['Inc-42', false],
    ['inc 42', false],
    ['café', false],
    ['inc.42', false],
  ])('%j → %s', (name, expected) => {
    expect(isValidChannelName(name)).toBe(expected);
  });
});
