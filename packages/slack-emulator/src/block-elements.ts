/** Finding an interactive element in stored blocks, and the value Slack reports for it in payloads. */
import { isRecord } from './block-rules.js';
import { blockIdOf } from './driver.js';
import type { Workspace } from './workspace.js';

export type FoundElement = { element: Record<string, unknown>; blockId: string; actionId: string; type: string };

export function findElement(blocks: unknown[] | undefined, actionId: string, blockId?: string): FoundElement | undefined {
  for (const [index, block] of (blocks ?? []).entries()) {
    if (!isRecord(block)) continue;
    const id = blockIdOf(block, index);
    if (blockId !== undefined && id !== blockId) continue;
    const candidates = [
      ...(Array.isArray(block['elements']) && block['type'] === 'actions' ? block['elements'] : []),
      block['accessory'],
      block['type'] === 'input' ? block['element'] : undefined,
    ];
    const element = candidates.find((e) => isRecord(e) && e['action_id'] === actionId);
    if (isRecord(element)) return { element, blockId: id, actionId, type: String(element['type']) };
  }
  return undefined;
}

/** All options of a select, overflow, radio or checkboxes element, option groups flattened. */
export function optionsOf(element: Record<string, unknown>): Record<string, unknown>[] {
  const direct = Array.isArray(element['options']) ? element['options'] : [];
  const groups = Array.isArray(element['option_groups']) ? element['option_groups'] : [];
  const grouped = groups.flatMap((g) => (isRecord(g) && Array.isArray(g['options']) ? g['options'] : []));
  return [...direct, ...grouped].filter(isRecord);
}

function option(element: Record<string, unknown>, value: string, where: string): Record<string, unknown> {
  const found = optionsOf(element).find((o) => o['value'] === value);
  if (!found) throw new Error(`fake-slack: ${where} has no option with value ${JSON.stringify(value)}`);
  const { text, value: v, description } = found;
  return { text, value: v, ...(description === undefined ? {} : { description }) };
}

function asList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  return raw === undefined || raw === null ? [] : [String(raw)];
}

function requireUsers(ws: Workspace, ids: string[]): string[] {
  for (const id of ids) if (!ws.user(id)) throw new Error(`fake-slack: no user ${id} to pick`);
  return ids;
}

function requireConversations(ws: Workspace, ids: string[]): string[] {
  for (const id of ids) if (!ws.conversation(id)) throw new Error(`fake-slack: no conversation ${id} to pick`);
  return ids;
}

/**
 * The selected-value fields Slack puts in `view.state.values` and in a block action for an element,
 * given what the person chose (`raw`: a string, or a list for multi-selects and checkboxes; undefined = nothing).
 */
export function chosenValue(ws: Workspace, found: FoundElement, raw: unknown): Record<string, unknown> {
  const { element, type } = found;
  const where = `${found.blockId}/${found.actionId}`;
  const one = raw === undefined || raw === null ? undefined : String(raw);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { value: one ?? null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { selected_option: one === undefined ? null : option(element, one, where) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { selected_options: asList(raw).map((v) => option(element, v, where)) };
    case 'users_select':
      return { selected_user: one === undefined ? null : requireUsers(ws, [one])[0] };
    case 'multi_users_select':
      return { selected_users: requireUsers(ws, asList(raw)) };
    case 'conversations_select':
      return { selected_conversation: one === undefined ? null : requireConversations(ws, [one])[0] };
    case 'multi_conversations_select':
      return { selected_conversations: requireConversations(ws, asList(raw)) };
    case 'channels_select':
      return { selected_channel: one === undefined ? null : requireConversations(ws, [one])[0] };
    case 'multi_channels_select':
      return { selected_channels: requireConversations(ws, asList(raw)) };
    case 'datepicker':
      return { selected_date: one ?? null };
    case 'timepicker':
      return { selected_time: one ?? null };
    case 'datetimepicker':
      return { selected_date_time: raw === undefined ? null : Number(raw) };
    default:
      throw new Error(`fake-slack: cannot choose a value for a ${type} element (${where})`);
  }
}

/** Whether a person left this element empty (for required inputs). */
export function isEmptyChoice(value: Record<string, unknown>): boolean {
  return Object.values(value).every((v) => v === null || v === '' || (Array.isArray(v) && v.length === 0));
}
