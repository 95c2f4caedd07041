import type { KnownBlock } from '@slack/types';
import type { SloReport, SloRow } from '../../app/slo/slo-report.js';
import { budgetState, shownBurn, type BudgetState, type SloBudgetLine, type SloStatus } from '../../domain/slo/error-budget.js';
import { clip, context, escape, section, slackDate } from './text.js';

const stateMark: Record<BudgetState, string> = {
  healthy: ':large_green_circle: healthy',
  at_risk: ':large_yellow_circle: at risk',
  exhausted: ':red_circle: budget spent',
  no_events: ':white_circle: no events',
};

const percent = (share: number, digits: number) => `${(share * 100).toFixed(digits)}%`;

/** Seconds under a minute, minutes, or hours and minutes past an hour. */
const outage = (ms: number): string => {
  if (ms < 59_500) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
};

/** A window or range as configured: 28d, 6h, 90m. */
const span = (ms: number) => {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
};

const burn = ({ rangeMs, rate }: { rangeMs: number; rate: number | null }) =>
  `${rate === null ? '–' : `${shownBurn(rate)}×`} over the last ${rangeMs === 3_600_000 ? 'hour' : span(rangeMs)}`;

const rowText = ({ slo, budget, burnRates, problem }: SloRow): string => {
  const title = `*${escape(slo.id)}* · ${escape(slo.service)} · ${slo.objective}% over ${span(slo.windowMs)}`;
  if (!budget) return `${title}\n:warning: could not be read: ${escape(problem ?? 'unknown')}`;
  const state = stateMark[budgetState(budget)];
  if (budget.sli === null) return `${title}\n${state}: nothing was counted over the window`;
  const left =
    budget.remaining! >= 0
      ? `${percent(budget.remaining!, 0)} of the error budget left (${outage(budget.remainingMs!)} of ${outage(budget.budgetMs)} of full outage)`
      : `error budget overspent by ${percent(-budget.remaining!, 0)} (${outage(-budget.remainingMs!)} of full outage beyond the ${outage(budget.budgetMs)} allowed)`;
  return `${title}\n${state} · SLI ${percent(budget.sli, 3)} · ${left}\nburning ${(burnRates ?? []).map(burn).join(', ')} (1× spends it exactly by the window's end)`;
};

/** `/incident slo [service]`: each SLO's SLI, error budget and burn rates, read just now. */
export const sloReportMessage = (report: SloReport): { text: string; blocks: KnownBlock[] } => {
  if (report.unknownService !== undefined) {
    const text = `No SLO is about ${report.unknownService}.`;
    return { text, blocks: [section(`${escape(text)} \`/incident slo\` lists them all.`)] };
  }
  if (report.rows.length === 0) {
    const text = 'No SLOs are configured.';
    return { text, blocks: [section(`${text} Add \`slos:\` (and \`prometheus:\`) to incident-bot.yml: see incident-bot.example.yml.`)] };
  }
  const shown = report.rows.slice(0, 45);
  return {
    text: `${report.rows.length} SLO${report.rows.length === 1 ? '' : 's'}`,
    blocks: [
      ...shown.map((row) => section(clip(rowText(row), 3000))),
      context(report.rows.length > shown.length ? `${report.rows.length - shown.length} more not shown: ask for a service, \`/incident slo <service>\`.` : 'Read from Prometheus just now.'),
    ],
  };
};

/** The digest's error budgets: one line per SLO, the emptiest first. */
export const sloBudgetsBlock = (lines: SloBudgetLine[]): KnownBlock => {
  const sorted = [...lines].sort((a, b) => (a.remaining ?? Infinity) - (b.remaining ?? Infinity));
  const line = ({ sloId, service, remaining, state, problem }: SloBudgetLine) =>
    `• ${escape(sloId)} (${escape(service)}): ${problem !== null ? `:warning: could not be read (${escape(problem)})` : remaining === null ? stateMark[state] : `${stateMark[state]}, ${remaining >= 0 ? `${percent(remaining, 0)} of the error budget left` : `overspent by ${percent(-remaining, 0)}`}`}`;
  const shown = sorted.slice(0, 20).map(line);
  return section(clip([`*Error budgets*`, ...shown, ...(sorted.length > 20 ? [`…and ${sorted.length - 20} more: \`/incident slo\``] : [])].join('\n'), 3000));
};

/** The incident card's line per SLO of its services, as the last evaluation read it. */
export const sloStatusBlock = (statuses: readonly SloStatus[]): KnownBlock => {
  const line = (status: SloStatus) => {
    const name = `*${escape(status.sloId)}*`;
    if (status.problem !== null) return `${name}: could not be read at ${slackDate(status.readAt, '{time}')} (${escape(status.problem)})`;
    const left = status.remaining === null ? 'no events' : status.remaining >= 0 ? `${percent(status.remaining, 0)} of the error budget left` : `error budget overspent by ${percent(-status.remaining, 0)}`;
    return `${stateMark[budgetState(status)]} ${name}: ${left}, burning ${burn({ rangeMs: status.burnRangeMs, rate: status.burnRate })} · ${slackDate(status.readAt, '{time}')}`;
  };
  return context(clip(statuses.slice(0, 10).map(line).join('\n'), 3000));
};
