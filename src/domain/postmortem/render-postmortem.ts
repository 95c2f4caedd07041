import { incidentKey } from '../incident/incident.js';
import { roleLabels, roles, type RoleTenure } from '../incident/roles.js';
import { statusLabels } from '../incident/status.js';
import { curateTimeline, type CuratedEntry } from './curate-timeline.js';
import { deriveMilestones, durations } from './derive-milestones.js';
import { budgetSection } from './budget-section.js';
import { formatElapsed } from './format-elapsed.js';
import { localTime, type LocalTime } from './local-time.js';
import { inlineText, paragraphText } from './markdown.js';
import { personLabel, plainSlackText, type PersonNames } from './people.js';
import type { FollowUp, Milestones, PostmortemInput, TimelineSection } from './types.js';

export interface RenderOptions {
  /** Slack user id → display name; people without one appear as `@<user id>`. */
  names?: Record<string, string>;
}

/** Section headings for typed entries, in the order a reader wants them. */
const typedSections: readonly { section: TimelineSection; heading: string }[] = [
  { section: 'decision', heading: 'Key decisions' },
  { section: 'hypothesis', heading: 'Hypotheses tried' },
  { section: 'action', heading: 'Actions taken' },
  { section: 'observation', heading: 'Observations' },
];

const contributingFactorPrompts = [
  'Which conditions in the systems involved made this failure possible, and why were they present now?',
  'What changed shortly before the incident started (deploys, configuration, traffic, dependencies)?',
  'Why did detection take as long as it did? Which signal would have shown the problem earlier?',
  'Which safeguards (tests, reviews, rate limits, alerts) were expected to catch this, and why did they not?',
  'What made mitigation slower or harder: missing runbooks, access, tooling, or unclear ownership?',
];

const wentWellPrompts = [
  'What helped the responders understand and mitigate the problem quickly?',
  'Which tools, dashboards, runbooks or alerts worked as intended?',
];

const luckyPrompts = [
  'What limited the impact that we cannot count on next time (timing, low traffic, someone happening to be around)?',
  'Which near misses during the response could have made things worse?',
];

const NONE = '_None recorded._';

interface Context {
  input: PostmortemInput;
  names: PersonNames;
  clock: LocalTime;
  /** Whether times need their date: the incident covers more than one local day. */
  multiDay: boolean;
  stamp(at: number): string;
}

const bullets = (items: readonly string[]): string[] => items.map((item) => `- ${item}`);

const link = (permalink: string | null): string => (permalink ? ` ([link](${permalink.replace(/[()\s<>]/g, encodeURIComponent)}))` : '');

/** Every instant the draft shows, so date headings and zone abbreviations cover all of them. */
const coveredInstants = (input: PostmortemInput, milestones: Milestones, lines: readonly CuratedEntry[]): number[] => {
  const instants = [milestones.started, milestones.detected, input.incident.declaredAt];
  if (milestones.resolved !== null) instants.push(milestones.resolved);
  for (const line of lines) instants.push(line.at);
  return instants;
};

const header = (ctx: Context, instants: readonly number[]): string[] => {
  const { input, clock } = ctx;
  const abbreviations = [...new Set([...instants].sort((a, b) => a - b).map((at) => clock.abbreviation(at)))];
  const title = inlineText(input.incident.title) || 'Untitled incident';
  return [
    `# Postmortem: ${incidentKey(input.incident)} ${title}`,
    '',
    `_Draft generated ${clock.dateTime(input.generatedAt)} ${clock.abbreviation(input.generatedAt)} from the incident channel's timeline. ` +
      `Times are ${clock.zone} (${abbreviations.join('/')}). Blameless: describe systems and conditions, not people._`,
  ];
};

const summary = (ctx: Context, milestones: Milestones): string[] => {
  const { input } = ctx;
  const incident = input.incident;
  const declared = input.timeline.find((entry) => entry.kind === 'declared' && entry.deletedAt === null);
  const text = plainSlackText(incident.summary.trim() || declared?.text || '', ctx.names);
  const services = input.serviceNames.length > 0 ? input.serviceNames : incident.services;
  const duration =
    milestones.resolved !== null
      ? formatElapsed(milestones.resolved - milestones.started)
      : `${formatElapsed(input.generatedAt - milestones.started)} so far (not resolved when this draft was generated)`;
  return [
    '## Summary',
    '',
    paragraphText(text) || NONE,
    '',
    `- **Severity:** ${incident.severity}`,
    `- **Services:** ${services.length > 0 ? services.map(inlineText).join(', ') : 'none recorded'}`,
    `- **Status:** ${statusLabels[incident.status] ?? incident.status}`,
    `- **Duration:** ${duration}`,
    `- **Channel:** ${incident.channelName ? `#${inlineText(incident.channelName)}` : 'none'}`,
  ];
};

const roleSection = (ctx: Context): string[] => {
  const byRole = new Map<string, RoleTenure[]>();
  const sorted = ctx.input.roleHistory.map((tenure, index) => ({ tenure, index })).sort((a, b) => a.tenure.startedAt - b.tenure.startedAt || a.index - b.index);
  for (const { tenure } of sorted) byRole.set(tenure.role, [...(byRole.get(tenure.role) ?? []), tenure]);
  const lines = roles.map((role) => {
    const tenures = byRole.get(role) ?? [];
    const holders = tenures.map(
      (t) => `${personLabel(t.userId, ctx.names)} (${ctx.stamp(t.startedAt)}–${t.endedAt === null ? '' : ctx.stamp(t.endedAt)})`,
    );
    return `${roleLabels[role]}: ${holders.length > 0 ? holders.join(', ') : 'not assigned'}`;
  });
  return ['### Roles', '', ...bullets(lines)];
};

const milestoneSection = (ctx: Context, milestones: Milestones): string[] => {
  const when = (at: number | null) => (at === null ? 'n/a' : ctx.clock.dateTime(at));
  const d = durations(milestones);
  return [
    '### Milestones and durations',
    '',
    '| Milestone | When |',
    '| --- | --- |',
    `| Started | ${when(milestones.started)} |`,
    `| Detected | ${when(milestones.detected)} |`,
    `| Acknowledged | ${when(milestones.acknowledged)} |`,
    `| Mitigated | ${when(milestones.mitigated)} |`,
    `| Resolved | ${when(milestones.resolved)} |`,
    '',
    '| Time to detect | Time to acknowledge | Time to mitigate | Time to resolve |',
    '| --- | --- | --- | --- |',
    `| ${formatElapsed(d.toDetect)} | ${formatElapsed(d.toAcknowledge)} | ${formatElapsed(d.toMitigate)} | ${formatElapsed(d.toResolve)} |`,
  ];
};

const impactSection = (ctx: Context): string[] => {
  const { input } = ctx;
  const declared = paragraphText(plainSlackText(input.incident.impact, ctx.names));
  const latest = input.updates
    .map((update, index) => ({ update, index }))
    .filter(({ update }) => update.impact.trim() !== '')
    .sort((a, b) => a.update.postedAt - b.update.postedAt || a.index - b.index)
    .at(-1)?.update;
  const lines = ['## Customer impact', '', declared ? `As declared: ${declared}` : 'As declared: _not described._'];
  if (latest) {
    lines.push('', `Latest assessment (update of ${ctx.stamp(latest.postedAt)}): ${paragraphText(plainSlackText(latest.impact, ctx.names))}`);
  }
  return lines;
};

const entryLine = (ctx: Context, line: CuratedEntry, stamp: (at: number) => string): string => {
  const key = line.key ? '📌 ' : '';
  const edited = line.edited ? ' (edited)' : '';
  const tags = line.sections.length > 0 ? ` _(${line.sections.join(', ')})_` : '';
  const comments = line.comments.map((c) => ` — comment by ${personLabel(c.actorId, ctx.names)}: ${inlineText(c.text)}`).join('');
  return `- **${stamp(line.at)}** ${key}${inlineText(line.text)}${edited}${tags}${comments}${link(line.permalink)}`;
};

const timelineSection = (ctx: Context, lines: readonly CuratedEntry[]): string[] => {
  const out = ['## Timeline', ''];
  if (lines.length === 0) return [...out, NONE];
  if (!ctx.multiDay) return [...out, ...lines.map((line) => entryLine(ctx, line, ctx.clock.time))];
  let day = '';
  for (const line of lines) {
    const date = ctx.clock.date(line.at);
    if (date !== day) {
      if (day !== '') out.push('');
      out.push(`### ${ctx.clock.longDate(line.at)}`, '');
      day = date;
    }
    out.push(entryLine(ctx, line, ctx.clock.time));
  }
  return out;
};

const typedSection = (ctx: Context, lines: readonly CuratedEntry[], section: TimelineSection, heading: string): string[] => {
  const typed = lines.filter((line) => line.sections.includes(section));
  return [`## ${heading}`, '', ...(typed.length > 0 ? typed.map((line) => entryLine(ctx, { ...line, sections: [] }, ctx.stamp)) : [NONE])];
};

const followUpLine = (ctx: Context, followUp: FollowUp): string => {
  const parts = [inlineText(followUp.text) || '(no description)'];
  parts.push(followUp.ownerId ? `owner ${personLabel(followUp.ownerId, ctx.names)}` : 'no owner yet');
  if (followUp.dueAt !== null) parts.push(`due ${ctx.clock.date(followUp.dueAt)}`);
  if (followUp.blocking) parts.push('blocking');
  return `- [${followUp.status === 'done' ? 'x' : ' '}] ${parts.join(' — ')}`;
};

const followUpSection = (ctx: Context): string[] => {
  const sorted = ctx.input.followUps
    .map((followUp, index) => ({ followUp, index }))
    .sort((a, b) => a.followUp.createdAt - b.followUp.createdAt || a.index - b.index)
    .map(({ followUp }) => followUpLine(ctx, followUp));
  return ['## Follow-up actions', '', ...(sorted.length > 0 ? sorted : ['_None recorded yet. Add one task per change that makes this kind of incident less likely or less harmful._'])];
};

/**
 * The postmortem draft as Markdown. Deterministic: the same input (and names) gives byte-identical
 * output; the only "now" is `input.generatedAt`. Its own wording is blameless; what people wrote is
 * quoted as they wrote it (deleted messages excepted).
 */
export const renderPostmortem = (input: PostmortemInput, options: RenderOptions = {}): string => {
  const names = options.names ?? {};
  const clock = localTime(input.timezone);
  const milestones = deriveMilestones(input);
  const lines = curateTimeline(input, { names });
  const instants = coveredInstants(input, milestones, lines);
  const multiDay = new Set(instants.map((at) => clock.date(at))).size > 1;
  const ctx: Context = { input, names, clock, multiDay, stamp: multiDay ? clock.dateTime : clock.time };

  const sections: string[][] = [
    header(ctx, instants),
    summary(ctx, milestones),
    roleSection(ctx),
    milestoneSection(ctx, milestones),
    impactSection(ctx),
    ...budgetSection(input.errorBudgets),
    timelineSection(ctx, lines),
    ...typedSections.map(({ section, heading }) => typedSection(ctx, lines, section, heading)),
    ['## Contributing factors', '', '_Systems and conditions, not people._', '', ...bullets(contributingFactorPrompts)],
    ['## What went well', '', ...bullets(wentWellPrompts)],
    ['## Where we got lucky', '', ...bullets(luckyPrompts)],
    followUpSection(ctx),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
};
