import { describe, expect, it } from 'vitest';
import { buildStatusSnapshot } from '../../../src/domain/communication/status-snapshot.js';
import { renderStatusPage } from '../../../src/http/status-page/status-html.js';
import { NOW, day, hour, inputWith, makeIncident, makeMaintenance, makeUpdate, minute, richInput } from '../../domain/communication/status-fixtures.js';

const html = renderStatusPage(buildStatusSnapshot(richInput()), NOW);

const headingLevels = (markup: string) => [...markup.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
const cssColor = (name: string) => html.match(new RegExp(`--${name}:(#[0-9a-f]{6})`))?.[1];

/** WCAG 2 contrast ratio of two sRGB hex colours. */
const contrast = (a: string, b: string) => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('renderStatusPage: document', () => {
  it.each([
    { what: 'language', pattern: /<html lang="en">/ },
    { what: 'charset', pattern: /<meta charset="utf-8">/ },
    { what: 'viewport', pattern: /<meta name="viewport" content="width=device-width, initial-scale=1">/ },
    { what: 'title with the overall status', pattern: /<title>Acme Status: Partial System Outage<\/title>/ },
    { what: 'header landmark', pattern: /<header>/ },
    { what: 'main landmark', pattern: /<main id="main">/ },
    { what: 'footer landmark', pattern: /<footer>/ },
    { what: 'skip link', pattern: /<a class="skip" href="#main">/ },
    { what: 'feed discovery', pattern: /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/history.atom">/ },
  ])('has $what', ({ pattern }) => {
    expect(html).toMatch(pattern);
  });

  it('has one h1 and never skips a heading level', () => {
    const levels = headingLevels(html);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual(levels[index - 1]! + 1);
    });
  });

  it('loads nothing from elsewhere and runs no script', () => {
    expect(html).not.toMatch(/<script|<img|<iframe|src=|rel="stylesheet"|https?:\/\/(?!status\.acme\.test)/);
  });

  it.each(['ok', 'minor', 'major', 'critical', 'maint', 'muted', 'fg'])('colour --%s reads on white at 4.5:1 or more', (name) => {
    const color = cssColor(name);
    expect(color).toBeDefined();
    expect(contrast(color!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('renderStatusPage: contents', () => {
  it('shows the overall status in words', () => {
    expect(html).toMatch(/<section class="banner banner-major"[^>]*>\s*<h2 id="overall-heading">Partial System Outage<\/h2>/);
  });

  it.each([
    { component: 'Payments API', status: 'Partial outage' },
    { component: 'Checkout', status: 'Under maintenance' },
    { component: 'Dashboard', status: 'Operational' },
  ])('shows $component as "$status" in words', ({ component, status }) => {
    expect(html).toMatch(new RegExp(`${component}(<p class="desc">[^<]*</p>)?</div><span class="st st-\\w+"><span aria-hidden="true">.</span> ${status}</span>`));
  });

  it('shows the active incident with its public updates and times in the page zone', () => {
    const active = html.slice(html.indexOf('id="active-heading"'), html.indexOf('id="components-heading"'));
    expect(active).toContain('Partial outage: Payments API');
    expect(active).toContain('We found the cause and are rolling out a fix.');
    expect(active).toContain('Some card payments are failing. We are investigating.');
    expect(active).toContain('<time datetime="2026-03-10T14:30:00.000+01:00">10 Mar 2026, 14:30 CET</time>');
    expect(active.indexOf('We found the cause')).toBeLessThan(active.indexOf('Some card payments'));
    expect(active).not.toContain('Dashboard is');
  });

  it('shows running and upcoming maintenance', () => {
    const section = html.slice(html.indexOf('id="maintenance-heading"'), html.indexOf('id="history-heading"'));
    expect(section).toContain('Checkout network maintenance');
    expect(section).toContain('In progress');
    expect(section).toContain('Database upgrade');
    expect(section).toContain('Scheduled');
    expect(section).toContain(
      '<time datetime="2026-03-12T15:00:00.000+01:00">12 Mar 2026, 15:00</time> – <time datetime="2026-03-12T17:00:00.000+01:00">17:00 CET</time>',
    );
  });

  it('never shows private or internal words', () => {
    expect(html).not.toMatch(/PRIVATE|INTERNAL|inc_private|Checkout API returns 500s/);
  });

  it('groups 90 days of history by day, newest first, folding quiet days', () => {
    const history = html.slice(html.indexOf('id="history-heading"'));
    const days = [...history.matchAll(/<h3><time datetime="([\d-]+)">([^<]+)<\/time><\/h3>/g)].map((m) => [m[1], m[2]]);
    expect(days).toEqual([
      ['2026-03-10', 'Tuesday 10 March 2026'],
      ['2026-03-03', 'Tuesday 3 March 2026'],
    ]);
    expect(history).toContain('The dashboard is fast again.');
    expect(history).toMatch(/<time datetime="2026-03-04">4 Mar<\/time> – <time datetime="2026-03-09">9 Mar 2026<\/time><\/span> No incidents reported\./);
    expect(history).toMatch(/<time datetime="2025-12-11">11 Dec 2025<\/time> – <time datetime="2026-03-02">2 Mar 2026<\/time><\/span> No incidents reported\./);
    expect(history).not.toContain('Checkout is down');
  });

  it('history lists finished maintenance and gives each resolved item its shortlink anchor', () => {
    const page = renderStatusPage(
      buildStatusSnapshot({
        ...richInput(),
        maintenances: [makeMaintenance({ id: 'mnt_done', title: 'Old upgrade', startsAt: NOW - 2 * day, endsAt: NOW - 2 * day + hour })],
      }),
      NOW,
    );
    expect(page).toMatch(/<article class="past" id="incident-mnt_done"[^>]*>\s*<h4[^>]*>Old upgrade<\/h4>/);
    expect(page).toMatch(/<article class="past" id="incident-inc_last_week"/);
    expect(page.match(/id="incident-inc_active"/g)).toHaveLength(1);
  });

  it('an all-clear page says so', () => {
    const quiet = renderStatusPage(buildStatusSnapshot(inputWith()), NOW);
    expect(quiet).toContain('All Systems Operational');
    expect(quiet).toContain('No active incidents.');
    expect(quiet).not.toContain('maintenance-heading');
  });
});

describe('renderStatusPage: escaping', () => {
  const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  const page = renderStatusPage(
    buildStatusSnapshot(
      inputWith({
        page: { id: 'p', name: `Acme ${attack}`, url: 'https://status.acme.test/status', timeZone: 'UTC' },
        services: [{ id: 'svc', name: `Svc ${attack}`, description: `Desc ${attack}` }],
        incidents: [makeIncident({ id: 'inc"><b>x', severity: 'SEV1', services: ['svc'], declaredAt: NOW - hour })],
        updates: [makeUpdate('inc"><b>x', 'investigating', NOW - minute, `Msg ${attack}`)],
        maintenances: [makeMaintenance({ title: `Mnt ${attack}`, message: `Body ${attack}`, services: ['svc'] })],
      }),
    ),
    NOW,
  );

  it('escapes every text that comes from data', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>x');
    for (const prefix of ['Acme', 'Svc', 'Desc', 'Msg', 'Mnt', 'Body']) {
      expect(page).toContain(`${prefix} &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;`);
    }
  });

  it('keeps ids attribute-safe', () => {
    expect(page).toContain('id="incident-inc---b-x"');
  });
});
