import type { IncidentBudgetSpend } from '../slo/error-budget.js';
import { inlineText } from './markdown.js';

const percent = (share: number, digits: number) => `${(share * 100).toFixed(digits)}%`;

const span = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000}-day` : `${Math.round(ms / 3_600_000)}-hour`);

const line = (spend: IncidentBudgetSpend): string => {
  const name = `**${inlineText(spend.sloId)}** (${spend.objective}% over ${span(spend.windowMs)} windows)`;
  if (spend.problem !== null) return `- ${name}: could not be read (${inlineText(spend.problem)}).`;
  if (spend.sli === null || spend.burnRate === null || spend.budgetShare === null) return `- ${name}: no events were counted while it lasted.`;
  return `- ${name}: ${percent(spend.sli, 3)} good while it lasted, burning ${spend.burnRate.toFixed(1)}×: about ${percent(spend.budgetShare, 1)} of the ${span(spend.windowMs)} error budget.`;
};

/** What the incident cost the SLOs of its services; nothing when it has none. */
export const budgetSection = (spends: readonly IncidentBudgetSpend[] | undefined): string[][] =>
  spends && spends.length > 0
    ? [['## Error budget', '', '_What the incident cost each SLO of its services, from start to resolution, had traffic been as usual._', '', ...spends.map(line)]]
    : [];
