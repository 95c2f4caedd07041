import { z } from 'zod';
import type { ModalMetadata } from '../blocks/modals/form-parts.js';

/** The parts of Slack's view.state.values element states the bot reads. */
const elementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_user: z.string().nullish(),
  /** datetimepicker: Unix seconds */
  selected_date_time: z.number().nullish(),
  /** datepicker: YYYY-MM-DD */
  selected_date: z.string().nullish(),
});

export const viewStateSchema = z.record(z.string(), z.record(z.string(), elementStateSchema));
export type ViewState = z.infer<typeof viewStateSchema>;

export const viewSubmissionSchema = z.object({
  id: z.string(),
  callback_id: z.string(),
  private_metadata: z.string().default(''),
  state: z.object({ values: viewStateSchema }),
});

export const metadataSchema = z.object({
  incidentId: z.string().optional(),
  channelId: z.string().optional(),
  messageTs: z.string().optional(),
  messageUserId: z.string().optional(),
  messageText: z.string().optional(),
  alertGroupId: z.string().optional(),
});

export const parseMetadata = (raw: string): ModalMetadata => {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};

/** Reads one input by its id (block_id and action_id are the same in our modals). */
export const readInput = (values: ViewState, id: string) => values[id]?.[id];
export const readText = (values: ViewState, id: string): string => readInput(values, id)?.value?.trim() ?? '';
export const readSelected = (values: ViewState, id: string): string | undefined =>
  readInput(values, id)?.selected_option?.value ?? undefined;
export const readUser = (values: ViewState, id: string): string | undefined => readInput(values, id)?.selected_user ?? undefined;
export const readDateTime = (values: ViewState, id: string): number | undefined => {
  const seconds = readInput(values, id)?.selected_date_time;
  return typeof seconds === 'number' ? seconds * 1000 : undefined;
};
export const readChecked = (values: ViewState, id: string): string[] =>
  readInput(values, id)?.selected_options?.map((selected) => selected.value) ?? [];

/** Field errors keyed by block_id, the shape Slack's `response_action: 'errors'` takes. */
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
