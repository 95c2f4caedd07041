import type {
  ComponentStatus,
  PublicIncident,
  PublicMaintenance,
  PublicUpdate,
  StatusPageSnapshot,
} from '../../domain/communication/types.js';
import { historyDays } from '../../domain/communication/status-snapshot.js';
import { escapeMarkup as e } from './escape.js';
import { componentStatusLabels, impactLabels, updateStatusLabels } from './labels.js';
import { anchorId, overallStatus, type StatusIndicator } from './statuspage-json.js';
import { dayStartsBack, formatZoned, isoTime } from './time-format.js';



/** `<time>` with the machine-readable instant and the wall-clock time in the page's zone. */
const timeTag = (ms: number, timeZone: string, format = 'd MMM yyyy, HH:mm ZZZZ'): string =>
  `<time datetime="${e(isoTime(ms, timeZone))}">${e(formatZoned(ms, timeZone, format))}</time>`;

/** `10 Mar 2026, 14:30 – 15:30 CET`; the end date is repeated only when the window spans days. */
const timeRange = (from: number, until: number, timeZone: string): string => {
  const sameDay = formatZoned(from, timeZone, 'yyyy-MM-dd') === formatZoned(until, timeZone, 'yyyy-MM-dd');
  return sameDay
    ? `${timeTag(from, timeZone, 'd MMM yyyy, HH:mm')} – ${timeTag(until, timeZone, 'HH:mm ZZZZ')}`
    : `${timeTag(from, timeZone)} – ${timeTag(until, timeZone)}`;
};

/** A small shape beside each status word; the word carries the meaning, the shape and colour help. */
const statusIcons: Record<ComponentStatus, string> = {
  operational: '✓',
  degraded_performance: '▲',
  partial_outage: '▲',
  major_outage: '✕',
  under_maintenance: '◆',
};

const statusBadge = (status: ComponentStatus): string =>
  `<span class="st st-${status}"><span aria-hidden="true">${statusIcons[status]}</span> ${e(componentStatusLabels[status])}</span>`;

const bannerClass: Record<StatusIndicator, string> = { none: 'ok', minor: 'minor', major: 'major', critical: 'critical' };

const updatesList = (updates: readonly PublicUpdate[], timeZone: string): string =>
  `<ol class="updates">${updates
    .map(
      (update) =>
        `<li><p class="update-head"><strong>${e(updateStatusLabels[update.status])}</strong> · ${timeTag(update.createdAt, timeZone)}</p><p class="body">${e(update.body)}</p></li>`,
    )
    .join('')}</ol>`;

const componentNames = (snapshot: StatusPageSnapshot, ids: readonly string[]): string =>
  snapshot.components
    .filter((component) => ids.includes(component.id))
    .map((component) => e(component.name))
    .join(', ');

const affects = (snapshot: StatusPageSnapshot, ids: readonly string[]): string => {
  const names = componentNames(snapshot, ids);
  return names === '' ? '' : `<p class="meta">Affects: ${names}</p>`;
};

const activeIncident = (snapshot: StatusPageSnapshot, incident: PublicIncident): string => `
<article class="card card-${incident.impact}" id="${anchorId(incident.id)}" aria-labelledby="${anchorId(incident.id)}-name">
  <h3 id="${anchorId(incident.id)}-name">${e(incident.name)}</h3>
  <p class="meta"><span class="pill">${e(updateStatusLabels[incident.status])}</span> ${e(impactLabels[incident.impact])} · started ${timeTag(incident.startedAt, snapshot.page.timeZone)}</p>
  ${affects(snapshot, incident.componentIds)}
  ${updatesList(incident.updates, snapshot.page.timeZone)}
</article>`;

const maintenanceCard = (snapshot: StatusPageSnapshot, maintenance: PublicMaintenance): string => {
  const zone = snapshot.page.timeZone;
  return `
<article class="card card-maintenance" id="${anchorId(maintenance.id)}" aria-labelledby="${anchorId(maintenance.id)}-name">
  <h3 id="${anchorId(maintenance.id)}-name">${e(maintenance.name)}</h3>
  <p class="meta"><span class="pill">${e(updateStatusLabels[maintenance.status])}</span> ${timeRange(maintenance.scheduledFor, maintenance.scheduledUntil, zone)}</p>
  ${affects(snapshot, maintenance.componentIds)}
  ${updatesList(maintenance.updates, zone)}
</article>`;
};

const componentsSection = (snapshot: StatusPageSnapshot): string => `
<section aria-labelledby="components-heading">
  <h2 id="components-heading">Components</h2>
  <ul class="components">${snapshot.components
    .map(
      (component) => `
    <li><div class="component-name">${e(component.name)}${component.description ? `<p class="desc">${e(component.description)}</p>` : ''}</div>${statusBadge(component.status)}</li>`,
    )
    .join('')}
  </ul>
</section>`;

interface HistoryEntry {
  at: number;
  html: string;
}

/**
 * A day's entry. Items shown in full above (active incidents) only link there; the others (resolved
 * incidents, finished maintenance) are shown here with their updates and hold their shortlink anchor.
 */
const historyItem = (snapshot: StatusPageSnapshot, item: PublicIncident | PublicMaintenance, status: string, impact: string | null, shownAbove: boolean): string => `
<article class="past"${shownAbove ? '' : ` id="${anchorId(item.id)}"`} aria-labelledby="past-${anchorId(item.id)}">
  <h4 id="past-${anchorId(item.id)}">${e(item.name)}</h4>
  <p class="meta"><span class="pill">${e(status)}</span>${impact === null ? '' : ` ${e(impact)}`}</p>
  ${shownAbove ? `<p class="meta"><a href="#${anchorId(item.id)}">Updates are shown under Active incidents</a></p>` : updatesList(item.updates, snapshot.page.timeZone)}
</article>`;

/** Like Statuspage, the page lists recent history only; the JSON API and the feed carry the rest. */
export const historyItemsLimit = 50;

/**
 * The last 90 days in the page's zone, newest first: a heading per day with incidents or finished
 * maintenance, and one line for each run of quiet days. At most `historyItemsLimit` items are shown;
 * when more happened, the list stops at the day of the last one shown and says how many are left
 * out, so no day with incidents is ever called quiet.
 */
const historySection = (snapshot: StatusPageSnapshot, now: number): string => {
  const zone = snapshot.page.timeZone;
  const dayKey = (ms: number) => formatZoned(ms, zone, 'yyyy-MM-dd');
  type Item = { at: number; render: () => string };
  // The snapshot lists incidents newest first: only the first `historyItemsLimit` can be shown.
  const completed = snapshot.maintenances.filter((m) => m.status === 'completed');
  const total = snapshot.incidents.length + completed.length;
  const items: Item[] = [
    ...snapshot.incidents.slice(0, historyItemsLimit).map((incident) => ({
      at: incident.createdAt,
      render: () =>
        historyItem(snapshot, incident, updateStatusLabels[incident.status], impactLabels[incident.impact], incident.status !== 'resolved'),
    })),
    ...completed.map((maintenance) => ({ at: maintenance.scheduledFor, render: () => historyItem(snapshot, maintenance, 'Completed', 'Maintenance', false) })),
  ].sort((a, b) => b.at - a.at);
  const shown = items.slice(0, historyItemsLimit);
  const left = total - shown.length;
  const entries = new Map<string, HistoryEntry[]>();
  for (const item of shown) {
    const key = dayKey(item.at);
    const day = entries.get(key) ?? [];
    day.push({ at: item.at, html: item.render() });
    entries.set(key, day);
  }
  const lastShownDay = left > 0 ? dayKey(shown.at(-1)!.at) : undefined;

  const blocks: string[] = [];
  let quiet: number[] = [];
  const flushQuiet = () => {
    if (quiet.length === 0) return;
    const newest = quiet[0]!;
    const oldest = quiet.at(-1)!;
    const date = (day: number, format: string) => `<time datetime="${dayKey(day)}">${e(formatZoned(day, zone, format))}</time>`;
    const sameYear = formatZoned(oldest, zone, 'yyyy') === formatZoned(newest, zone, 'yyyy');
    const range = quiet.length === 1 ? date(newest, 'd MMM yyyy') : `${date(oldest, sameYear ? 'd MMM' : 'd MMM yyyy')} – ${date(newest, 'd MMM yyyy')}`;
    blocks.push(`<li class="quiet"><p><span class="day">${range}</span> No incidents reported.</p></li>`);
    quiet = [];
  };
  for (const day of dayStartsBack(now, zone, historyDays)) {
    const dayItems = entries.get(dayKey(day));
    if (!dayItems) {
      quiet.push(day);
      continue;
    }
    flushQuiet();
    const sorted = [...dayItems].sort((a, b) => b.at - a.at).map((item) => item.html).join('');
    blocks.push(`<li><h3><time datetime="${dayKey(day)}">${e(formatZoned(day, zone, 'cccc d MMMM yyyy'))}</time></h3>${sorted}</li>`);
    if (dayKey(day) === lastShownDay) break;
  }
  flushQuiet();
  if (left > 0) {
    blocks.push(
      `<li class="quiet"><p>${left} earlier ${left === 1 ? 'entry' : 'entries'} of the last ${historyDays} days not listed here; see the <a href="#history-api">JSON API</a>.</p></li>`,
    );
  }
  return `
<section aria-labelledby="history-heading">
  <h2 id="history-heading">Past incidents</h2>
  <ol class="history">${blocks.join('')}</ol>
</section>`;
};

const styles = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--ok:#1a7f37;--minor:#8a5c00;--major:#b35900;--critical:#c62828;--maint:#0a5cc2}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:#fff;overflow-wrap:anywhere}
a{color:var(--maint)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
h1{font-size:1.6rem;margin:0 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
h4{font-size:1rem;margin:0 0 .25rem}
p{margin:0}
.banner{border-radius:8px;padding:1rem 1.25rem;color:#fff;background:var(--ok)}
.banner h2{margin:0;font-size:1.3rem}
.banner p{margin-top:.25rem}
.banner-minor{background:var(--minor)}.banner-major{background:var(--major)}.banner-critical{background:var(--critical)}.banner-maintenance{background:var(--maint)}
.card{border:1px solid var(--line);border-left:6px solid var(--minor);border-radius:8px;padding:1rem;margin:0 0 1rem}
.card-critical{border-left-color:var(--critical)}.card-major{border-left-color:var(--major)}.card-maintenance{border-left-color:var(--maint)}
.meta{color:var(--muted);font-size:.925rem;margin-top:.25rem}
.pill{display:inline-block;border:1px solid currentColor;border-radius:999px;padding:0 .5rem;font-size:.85rem;font-weight:600;color:var(--fg)}
.updates{list-style:none;margin:.75rem 0 0;padding:0}
.updates li{border-top:1px solid var(--line);padding:.6rem 0 0;margin-top:.6rem}
.updates li:first-child{border-top:0;margin-top:0;padding-top:0}
.update-head{font-size:.925rem;color:var(--muted)}.update-head strong{color:var(--fg)}
.body{white-space:pre-line;margin-top:.15rem}
.components{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:8px}
.components li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.25rem 1rem;padding:.75rem 1rem;border-top:1px solid var(--line)}
.components li:first-child{border-top:0}
.component-name{font-weight:600;flex:1 1 12rem}
.desc{font-weight:400;color:var(--muted);font-size:.925rem}
.st{font-weight:600;white-space:nowrap}
.st-operational{color:var(--ok)}.st-degraded_performance{color:var(--minor)}.st-partial_outage{color:var(--major)}.st-major_outage{color:var(--critical)}.st-under_maintenance{color:var(--maint)}
.history{list-style:none;margin:0;padding:0}
.history>li{border-top:1px solid var(--line);padding:.75rem 0}
.history h3{margin-bottom:.5rem}
.past{margin:0 0 .75rem;padding-left:.75rem;border-left:3px solid var(--line)}
.quiet p{color:var(--muted)}.quiet .day{color:var(--fg);font-weight:600;margin-right:.5rem}
.none{color:var(--muted)}
time{white-space:nowrap}
footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);font-size:.925rem}
footer p{border-top:1px solid var(--line);padding-top:1rem}
`;

export interface RenderStatusPageOptions {
  /** Path of the Atom feed, linked from the page. */
  feedPath?: string;
  /** Path of the Statuspage-compatible JSON summary, linked from the page. */
  summaryPath?: string;
}

/** The public status page, complete and readable without JavaScript. Every text from data is escaped. */
export const renderStatusPage = (snapshot: StatusPageSnapshot, now: number, options: RenderStatusPageOptions = {}): string => {
  const { feedPath = '/history.atom', summaryPath = '/api/v2/summary.json' } = options;
  const zone = snapshot.page.timeZone;
  const overall = overallStatus(snapshot);
  const banner = overall.indicator === 'none' && overall.description !== 'All Systems Operational' ? 'maintenance' : bannerClass[overall.indicator];
  const active = snapshot.incidents.filter((incident) => incident.status !== 'resolved');
  const planned = snapshot.maintenances.filter((maintenance) => maintenance.status !== 'completed');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(snapshot.page.name)}: ${e(overall.description)}</title>
<link rel="alternate" type="application/atom+xml" title="${e(snapshot.page.name)} history" href="${e(feedPath)}">
<style>${styles}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><h1>${e(snapshot.page.name)}</h1></header>
<main id="main">
<section class="banner banner-${banner}" aria-labelledby="overall-heading">
  <h2 id="overall-heading">${e(overall.description)}</h2>
  <p>Updated ${timeTag(snapshot.page.updatedAt, zone)}</p>
</section>
<section aria-labelledby="active-heading">
  <h2 id="active-heading">Active incidents</h2>
  ${active.length === 0 ? '<p class="none">No active incidents.</p>' : active.map((incident) => activeIncident(snapshot, incident)).join('')}
</section>
${componentsSection(snapshot)}
${
  planned.length === 0
    ? ''
    : `<section aria-labelledby="maintenance-heading">
  <h2 id="maintenance-heading">Scheduled maintenance</h2>
  ${planned.map((maintenance) => maintenanceCard(snapshot, maintenance)).join('')}
</section>`
}
${historySection(snapshot, now)}
</main>
<footer>
  <p>Times are shown in ${e(zone)}. <a href="${e(feedPath)}">Atom feed of updates</a> · <a id="history-api" href="${e(summaryPath)}">JSON API</a></p>
</footer>
</body>
</html>
`;
};
