import type { KnownBlock } from '@slack/types';
import type { NoiseReport, TeamNoise } from '../../app/alerts/alert-noise.js';
import type { PersonPages } from '../../app/alerts/noise-ports.js';
import type { AlertCounts, AlertNoiseDigest } from '../../domain/alerts/noise.js';
import { clip, mention, plain, section, slackDate } from './text.js';

/**
 * Names come from monitoring, the config and Slack profiles, never typed as a message: every `<`
 * shows as written, so no name can become a mention or a link. Clipped so ten lines fit a section.
 */
const name = (text: string) => clip(text, 80).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const count = (value: number) => value.toLocaleString('en-US');

/** What held an alert's sightings, the ones that held any. */
const heldBy = (counts: AlertCounts): string =>
  (
    [
      ['maintenance', counts.heldMaintenance],
      ['dependency', counts.heldDependency],
      ['silenced', counts.silenced],
      ['flapping', counts.flapping],
    ] as const
  )
    .filter(([, value]) => value > 0)
    .map(([label, value]) => `${label} ${count(value)}`)
    .join(', ');

/** received (folded) · notified · paged · held: … */
export const countsLine = (counts: AlertCounts): string => {
  const held = heldBy(counts);
  return `${count(counts.received)} received (${count(counts.folded)} folded) · notified ${count(counts.notified)} · paged ${count(counts.paged)}${held ? ` · held: ${held}` : ''}`;
};

const alertTitle = (row: { service: string | null; alertname: string | null }) => `${name(row.service ?? 'no service')} · ${name(row.alertname ?? '')}`;

const alertLines = (rows: { service: string | null; alertname: string | null; counts: AlertCounts }[]) => rows.map((row, index) => `${index + 1}. *${alertTitle(row)}*: ${countsLine(row.counts)}`);

const pagesLine = (who: string, person: Omit<PersonPages, 'userId'>) =>
  `${who}: paged ${count(person.paged)} · acknowledged ${count(person.acknowledged)} · ignored ${count(person.ignored)}`;

/** A titled list as one section, or nothing when the list is empty. */
const listSection = (title: string, lines: string[]): KnownBlock[] => (lines.length === 0 ? [] : [section([title, ...lines].join('\n'))]);

/** `/incident alerts [service]`: the noisiest alerts, sources, services and who was paged. */
export const alertNoiseMessage = (report: NoiseReport): { text: string; blocks: KnownBlock[] } => {
  const scope = report.service ? ` of ${name(report.service)}` : '';
  if (report.alerts.length === 0 && report.people.length === 0) {
    const text = `No alerts${scope} since ${slackDate(report.since, '{date_short_pretty}')} (the last 7 days).`;
    return { text, blocks: [section(text)] };
  }
  return {
    text: `Alert noise${scope}, last 7 days`,
    blocks: [
      section(`*Alert noise${scope}, last 7 days* (since ${slackDate(report.since, '{date_short_pretty}')}): fix the noisiest at the source.`),
      ...listSection('*Noisiest alerts*', alertLines(report.alerts)),
      ...listSection('*By source*', report.sources.map((row) => `• *${name(row.sourceId ?? '')}*: ${countsLine(row.counts)}`)),
      ...listSection('*By service*', report.services.map((row) => `• *${name(row.service ?? 'no service')}*: ${countsLine(row.counts)}`)),
      ...listSection('*Alert pages*', report.people.map((person) => `• ${pagesLine(mention(person.userId), person)}`)),
    ],
  };
};

/** App Home: per team of the viewer, its noisiest alerts and who its alerts paged. At most 2 + 3 blocks. */
export const noiseHomeBlocks = (teams: TeamNoise[]): KnownBlock[] => [
  { type: 'divider' },
  { type: 'header', text: plain('Alert noise, last 7 days', 150) },
  ...teams.map((team) => {
    const alerts = team.alerts.length === 0 ? ['No alerts.'] : alertLines(team.alerts);
    const pages = team.people.map((person) => `• ${pagesLine(mention(person.userId), person)}`);
    return section([`*${name(team.name)}*`, ...alerts, ...(pages.length > 0 ? ['*Alert pages*', ...pages] : [])].join('\n'));
  }),
];

/** The digest's alert sections: "your 5 noisiest alerts" and pages per person, by name (no mention pings anyone). */
export const noiseDigestBlocks = (noise: AlertNoiseDigest): KnownBlock[] => [
  section(
    noise.alerts.length === 0
      ? `*Noisiest alerts* since ${slackDate(noise.since, '{date_short_pretty}')}: none received.`
      : [`*Your 5 noisiest alerts* since ${slackDate(noise.since, '{date_short_pretty}')}`, ...alertLines(noise.alerts)].join('\n'),
  ),
  ...listSection('*Alert pages*', [
    ...noise.people.map((person) => `• ${pagesLine(name(person.name), person)}`),
    ...(noise.morePeople > 0 ? [`…and ${noise.morePeople} more`] : []),
  ]),
];
