import { z } from 'zod';
import { couldHoldPages, matcherMatches, parseMatcher, type LabelMatcher } from '../../domain/alerts/silence.js';
import type { IncidentConfig } from '../../config/incident-config.js';
import { inputIds } from '../ids.js';
import { readChecked, readSelected, readText, type FieldErrors, type Parsed, type ViewState } from './view-state.js';
import { silenceDurations } from '../blocks/modals/silence-modal.js';

const durationSchema = z.coerce
  .number()
  .int()
  .refine((minutes) => silenceDurations.some(([, allowed]) => allowed === minutes));

export interface SilenceForm {
  matchers: LabelMatcher[];
  durationMs: number;
  reason: string;
  holdsPages: boolean;
}

/**
 * The Silence… form. Every refusal is an inline error on its field, including a silence that could
 * hold a tier-1 page without the tick: the form stays open and nothing typed is lost.
 */
export const parseSilenceView = (values: ViewState, config: IncidentConfig): Parsed<SilenceForm> => {
  const errors: FieldErrors = {};
  const matchers: LabelMatcher[] = [];
  for (const line of readText(values, inputIds.silenceMatchers).split('\n').map((text) => text.trim().replace(/,$/, '')).filter(Boolean)) {
    const parsed = parseMatcher(line);
    if (typeof parsed === 'string') errors[inputIds.silenceMatchers] ??= parsed;
    else matchers.push(parsed);
  }
  if (!errors[inputIds.silenceMatchers]) {
    if (matchers.length === 0) errors[inputIds.silenceMatchers] = 'Give at least one matcher.';
    // As in Alertmanager: a silence whose every matcher accepts a missing label would silence everything.
    else if (matchers.every((matcher) => matcherMatches(matcher, {}))) errors[inputIds.silenceMatchers] = 'At least one matcher must need a label to be present (not match an empty value).';
  }
  const duration = durationSchema.safeParse(readSelected(values, inputIds.silenceDuration));
  if (!duration.success) errors[inputIds.silenceDuration] = 'Choose how long the silence lasts.';
  const reason = readText(values, inputIds.silenceReason);
  if (reason.length < 3) errors[inputIds.silenceReason] = 'Say why these alerts are silenced.';
  const holdsPages = readChecked(values, inputIds.silenceHoldsPages).includes('holds_pages');
  if (!errors[inputIds.silenceMatchers] && !holdsPages) {
    const service = couldHoldPages(config, matchers);
    if (service) errors[inputIds.silenceHoldsPages] = `These matchers could hold critical alerts of tier-1 service ${service}, which page. Narrow them, or tick "I know this holds pages".`;
  }
  if (Object.keys(errors).length > 0 || !duration.success) return { ok: false, errors };
  return { ok: true, value: { matchers, durationMs: duration.data * 60_000, reason, holdsPages } };
};
