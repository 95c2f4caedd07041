/**
 * Block Kit elements as HTML controls. Interactive ones carry data-act and the element's ids; the
 * browser script sends them as the person's click or choice. Inside input blocks they are form fields
 * (data-input), collected when the modal is submitted.
 */
import { attrs, esc, isRecord, str } from './html.js';
import { renderMrkdwn, renderPlain, type Directory } from './render-mrkdwn.js';

export type Choice = { id: string; label: string };

export type RenderContext = {
  dir: Directory;
  /** offered by users_select */
  people: Choice[];
  /** offered by conversations_select and channels_select */
  conversations: (Choice & { isChannel: boolean })[];
  /** block_id → inline error (modals) */
  errors: Record<string, string>;
  /** unique prefix for element ids on this surface */
  idPrefix: string;
};

type Element = Record<string, unknown>;

/** A text object (plain_text or mrkdwn) as HTML. */
export const textHtml = (value: unknown, dir: Directory): string => {
  if (typeof value === 'string') return renderMrkdwn(value, dir);
  if (!isRecord(value)) return '';
  const text = str(value['text']) ?? '';
  return value['type'] === 'mrkdwn' ? renderMrkdwn(text, dir) : renderPlain(text, value['emoji'] !== false);
};

/** A plain_text object's text, for labels and attributes. */
export const plainOf = (value: unknown, fallback = ''): string => (isRecord(value) ? (str(value['text']) ?? fallback) : typeof value === 'string' ? value : fallback);

type Option = { value: string; label: string; description?: string };

const optionOf = (raw: unknown): Option | undefined => {
  if (!isRecord(raw) || typeof raw['value'] !== 'string') return undefined;
  const description = plainOf(raw['description']);
  return { value: raw['value'], label: plainOf(raw['text'], raw['value']), ...(description ? { description } : {}) };
};

const optionsOf = (element: Element): Option[] => (Array.isArray(element['options']) ? element['options'].map(optionOf).filter((o): o is Option => o !== undefined) : []);

const groupsOf = (element: Element): { label: string; options: Option[] }[] =>
  Array.isArray(element['option_groups'])
    ? element['option_groups'].filter(isRecord).map((group) => ({ label: plainOf(group['label']), options: optionsOf(group) }))
    : [];

const initialValues = (element: Element): string[] => {
  const one = element['initial_option'];
  const many = element['initial_options'];
  if (isRecord(one) && typeof one['value'] === 'string') return [one['value']];
  if (Array.isArray(many)) return many.flatMap((o) => (isRecord(o) && typeof o['value'] === 'string' ? [o['value']] : []));
  for (const key of ['initial_user', 'initial_conversation', 'initial_channel']) if (typeof element[key] === 'string') return [element[key]];
  for (const key of ['initial_users', 'initial_conversations', 'initial_channels']) if (Array.isArray(element[key])) return (element[key] as unknown[]).map(String);
  return [];
};

const isMulti = (type: string) => type.startsWith('multi_');

// Every Slack select, single or multi, becomes one <select>; the kind only changes where its options come from.
const selectTypes: ReadonlySet<string> = new Set(
  ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'].flatMap((t) => [t, `multi_${t}`]),
);
const isSelect = (type: string) => selectTypes.has(type);

/** The choices a select offers, whatever its kind. */
const selectChoices = (element: Element, ctx: RenderContext): { options: Option[]; groups: { label: string; options: Option[] }[] } => {
  const type = String(element['type']);
  if (type.endsWith('users_select')) return { options: ctx.people.map((p) => ({ value: p.id, label: p.label })), groups: [] };
  if (type.endsWith('conversations_select')) return { options: ctx.conversations.map((c) => ({ value: c.id, label: c.label })), groups: [] };
  if (type.endsWith('channels_select')) return { options: ctx.conversations.filter((c) => c.isChannel).map((c) => ({ value: c.id, label: c.label })), groups: [] };
  return { options: optionsOf(element), groups: groupsOf(element) };
};

const optionTags = (options: Option[], selected: string[]): string =>
  options.map((o) => `<option${attrs({ value: o.value, selected: selected.includes(o.value), title: o.description })}>${esc(o.label)}</option>`).join('');

const selectHtml = (element: Element, ctx: RenderContext, extra: Record<string, string | boolean | undefined>): string => {
  const type = String(element['type']);
  const multi = isMulti(type);
  const { options, groups } = selectChoices(element, ctx);
  const selected = initialValues(element);
  const placeholder = plainOf(element['placeholder'], multi ? 'Select options' : 'Select an option');
  const count = options.length + groups.reduce((n, g) => n + g.options.length, 0);
  const body =
    (multi ? '' : `<option value=""${selected.length === 0 ? ' selected' : ''}>${esc(placeholder)}</option>`) +
    optionTags(options, selected) +
    groups.map((g) => `<optgroup${attrs({ label: g.label })}>${optionTags(g.options, selected)}</optgroup>`).join('');
  return `<select${attrs({ ...extra, multiple: multi, size: multi ? Math.min(Math.max(count, 2), 6) : undefined, 'data-kind': type })}>${body}</select>`;
};

const choiceList = (element: Element, ctx: RenderContext, name: string, extra: Record<string, string | boolean | undefined>): string => {
  const type = String(element['type']);
  const inputType = type === 'radio_buttons' ? 'radio' : 'checkbox';
  const selected = initialValues(element);
  return `<div class="choices"${attrs({ ...extra, 'data-kind': type, role: inputType === 'radio' ? 'radiogroup' : 'group' })}>${optionsOf(element)
    .map((o, index) => {
      const id = `${name}-${index}`;
      return `<label class="choice"${attrs({ for: id })}><input${attrs({ type: inputType, id, name, value: o.value, checked: selected.includes(o.value) })}> <span>${esc(o.label)}${o.description ? `<small>${esc(o.description)}</small>` : ''}</span></label>`;
    })
    .join('')}</div>`;
};

const overflowHtml = (element: Element, ids: Record<string, string | undefined>): string =>
  `<details class="overflow"><summary class="btn icon" aria-label="More options">⋯</summary><div class="menu">${optionsOf(element)
    .map((o) => `<button type="button" class="menu-item"${attrs({ 'data-act': 'select', ...ids, 'data-value': o.value })}>${esc(o.label)}</button>`)
    .join('')}</div></details>`;

const confirmText = (element: Element): string | undefined => {
  const confirm = element['confirm'];
  if (!isRecord(confirm)) return undefined;
  return [plainOf(confirm['title']), plainOf(confirm['text'])].filter(Boolean).join('\n\n') || 'Are you sure?';
};

const imageHtml = (element: Element, className: string): string => {
  const url = str(element['image_url']) ?? '';
  const alt = str(element['alt_text']) ?? '';
  // The sandbox stays on loopback: remote images show as a labelled link instead of loading.
  const local = /^(data:image\/|\/|https?:\/\/(127\.0\.0\.1|localhost)[:/])/.test(url);
  return local
    ? `<img class="${className}"${attrs({ src: url, alt, loading: 'lazy' })}>`
    : `<a class="${className} remote-image"${attrs({ href: /^https?:/.test(url) ? url : undefined, target: '_blank', rel: 'noopener noreferrer', title: url })}>🖼 ${esc(alt || 'image')}</a>`;
};

const secondsToIso = (seconds: unknown): string | undefined => (typeof seconds === 'number' ? String(seconds) : undefined);

/**
 * An interactive element in an actions block or a section accessory: acting on it sends a block action
 * right away, as in Slack.
 */
export const actionElementHtml = (raw: unknown, blockId: string | undefined, ctx: RenderContext): string => {
  if (!isRecord(raw)) return '';
  const type = String(raw['type']);
  const actionId = str(raw['action_id']);
  const ids = { 'data-action-id': actionId, 'data-block-id': blockId };
  const label = plainOf(raw['placeholder']) || plainOf(raw['text']) || type.replace(/_/g, ' ');
  if (isSelect(type)) {
    return `<span class="inline-select">${selectHtml(raw, ctx, { 'data-act': 'select', ...ids, 'aria-label': label })}${isMulti(type) ? `<button type="button" class="btn small"${attrs({ 'data-act': 'apply-multi', ...ids })}>Apply</button>` : ''}</span>`;
  }
  switch (type) {
    case 'button': {
      const style = str(raw['style']);
      return `<button type="button" class="btn${style ? ` ${style}` : ''}"${attrs({
        'data-act': 'click',
        ...ids,
        'data-value': str(raw['value']),
        'data-url': str(raw['url']),
        'data-confirm': confirmText(raw),
        'aria-label': str(raw['accessibility_label']),
      })}>${textHtml(raw['text'], ctx.dir)}</button>`;
    }
    case 'overflow':
      return overflowHtml(raw, ids);
    case 'checkboxes':
    case 'radio_buttons':
      return choiceList(raw, ctx, `${ctx.idPrefix}-${blockId}-${actionId}`, { 'data-act': 'select', ...ids, 'aria-label': label });
    case 'datepicker':
      return `<input type="date"${attrs({ 'data-act': 'select', ...ids, 'data-kind': type, value: str(raw['initial_date']), 'aria-label': label })}>`;
    case 'timepicker':
      return `<input type="time"${attrs({ 'data-act': 'select', ...ids, 'data-kind': type, value: str(raw['initial_time']), 'aria-label': label })}>`;
    case 'datetimepicker':
      return `<input type="datetime-local"${attrs({ 'data-act': 'select', ...ids, 'data-kind': type, 'data-initial-seconds': secondsToIso(raw['initial_date_time']), 'aria-label': label })}>`;
    case 'image':
      return imageHtml(raw, 'accessory-image');
    default:
      return `<pre class="unknown-element" title="element type not rendered by the sandbox">${esc(JSON.stringify(raw, null, 2))}</pre>`;
  }
};

/** The control of an input block: a form field, read when the modal is submitted. */
export const inputElementHtml = (raw: unknown, block: Element, blockId: string, ctx: RenderContext): string => {
  if (!isRecord(raw)) return '';
  const type = String(raw['type']);
  const actionId = str(raw['action_id']) ?? '';
  const id = `${ctx.idPrefix}-${blockId}`;
  const error = ctx.errors[blockId];
  const describedBy = [error ? `${id}-error` : '', block['hint'] ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const base = {
    id,
    'data-input': 'true',
    'data-block-id': blockId,
    'data-action-id': actionId,
    'data-kind': type,
    'data-dispatch': block['dispatch_action'] === true ? 'true' : undefined,
    'aria-describedby': describedBy,
    'aria-invalid': error ? 'true' : undefined,
    required: block['optional'] !== true && !['checkboxes', 'multi_static_select', 'multi_users_select', 'multi_conversations_select', 'multi_channels_select', 'radio_buttons'].includes(type),
  };
  if (isSelect(type)) return selectHtml(raw, ctx, { ...base, required: base.required ? true : undefined });
  const placeholder = plainOf(raw['placeholder']) || undefined;
  switch (type) {
    case 'plain_text_input': {
      const common = { ...base, placeholder, maxlength: raw['max_length'] as number | undefined, minlength: raw['min_length'] as number | undefined };
      return raw['multiline'] === true
        ? `<textarea rows="4"${attrs(common)}>${esc(str(raw['initial_value']) ?? '')}</textarea>`
        : `<input type="text"${attrs({ ...common, value: str(raw['initial_value']) })}>`;
    }
    case 'email_text_input':
    case 'url_text_input':
      return `<input${attrs({ ...base, type: type === 'email_text_input' ? 'email' : 'url', placeholder, value: str(raw['initial_value']) })}>`;
    case 'number_input':
      return `<input type="number"${attrs({ ...base, placeholder, value: str(raw['initial_value']), min: str(raw['min_value']), max: str(raw['max_value']), step: raw['is_decimal_allowed'] === true ? 'any' : '1' })}>`;
    case 'checkboxes':
    case 'radio_buttons':
      return choiceList(raw, ctx, id, { ...base, id: undefined, 'aria-labelledby': `${id}-label` });
    case 'datepicker':
      return `<input type="date"${attrs({ ...base, value: str(raw['initial_date']) })}>`;
    case 'timepicker':
      return `<input type="time"${attrs({ ...base, value: str(raw['initial_time']) })}>`;
    case 'datetimepicker':
      return `<input type="datetime-local"${attrs({ ...base, 'data-initial-seconds': secondsToIso(raw['initial_date_time']) })}>`;
    default:
      return `<p class="unsupported">This ${esc(type)} input is not available in the sandbox.</p><pre class="unknown-element">${esc(JSON.stringify(raw, null, 2))}</pre>`;
  }
};

export { imageHtml };
