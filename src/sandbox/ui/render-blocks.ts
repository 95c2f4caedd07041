/** Block Kit layout blocks as HTML, for messages, modals and the Home tab. Unknown blocks show as JSON. */
import { emojiChar } from './emoji.js';
import { attrs, esc, isRecord, str } from './html.js';
import { actionElementHtml, imageHtml, inputElementHtml, plainOf, textHtml, type RenderContext } from './render-elements.js';
import { formatSlackDate, renderPlain } from './render-mrkdwn.js';

type Block = Record<string, unknown>;

/** Slack fills in a block_id when the app leaves it out; the emulator's is `fake-block-<index>`. */
const blockIdOf = (block: Block, index: number): string => str(block['block_id']) ?? `fake-block-${index}`;

const unknownBlock = (block: unknown): string => {
  const type = isRecord(block) ? String(block['type']) : typeof block;
  return `<details class="b-unknown" open><summary>${esc(type)} block (shown as data: the sandbox does not draw it)</summary><pre>${esc(JSON.stringify(block, null, 2))}</pre></details>`;
};

const section = (block: Block, blockId: string, ctx: RenderContext): string => {
  const text = block['text'] ? `<div class="b-text">${textHtml(block['text'], ctx.dir)}</div>` : '';
  const fields = Array.isArray(block['fields']) ? `<div class="b-fields">${block['fields'].map((f) => `<div class="b-field">${textHtml(f, ctx.dir)}</div>`).join('')}</div>` : '';
  const accessory = block['accessory'] ? `<div class="b-accessory">${actionElementHtml(block['accessory'], blockId, ctx)}</div>` : '';
  return `<div class="b-section"><div class="b-main">${text}${fields}</div>${accessory}</div>`;
};

const context = (block: Block, ctx: RenderContext): string =>
  `<div class="b-context">${(Array.isArray(block['elements']) ? block['elements'] : [])
    .map((e) => (isRecord(e) && e['type'] === 'image' ? imageHtml(e, 'context-image') : `<span>${textHtml(e, ctx.dir)}</span>`))
    .join('')}</div>`;

const actions = (block: Block, blockId: string, ctx: RenderContext): string =>
  `<div class="b-actions">${(Array.isArray(block['elements']) ? block['elements'] : []).map((e) => actionElementHtml(e, blockId, ctx)).join('')}</div>`;

const image = (block: Block, ctx: RenderContext): string =>
  `<figure class="b-image">${block['title'] ? `<figcaption>${textHtml(block['title'], ctx.dir)}</figcaption>` : ''}${imageHtml(block, 'block-image')}</figure>`;

const input = (block: Block, blockId: string, ctx: RenderContext): string => {
  const id = `${ctx.idPrefix}-${blockId}`;
  const element = isRecord(block['element']) ? block['element'] : {};
  const grouped = element['type'] === 'checkboxes' || element['type'] === 'radio_buttons';
  const label = `${renderPlain(plainOf(block['label']))}${block['optional'] === true ? ' <span class="optional">(optional)</span>' : ''}`;
  const labelTag = grouped ? `<span class="label" id="${esc(id)}-label">${label}</span>` : `<label class="label"${attrs({ for: id, id: `${id}-label` })}>${label}</label>`;
  const hint = block['hint'] ? `<p class="hint" id="${esc(id)}-hint">${renderPlain(plainOf(block['hint']))}</p>` : '';
  const error = ctx.errors[blockId];
  return `<div class="b-input${error ? ' has-error' : ''}" data-input-block="${esc(blockId)}">${labelTag}${inputElementHtml(element, block, blockId, ctx)}${
    error ? `<p class="field-error" id="${esc(id)}-error" role="alert">${esc(error)}</p>` : ''
  }${hint}</div>`;
};

/* rich_text: what people type, and what apps send as rich text */
const richStyle = (html: string, style: unknown): string => {
  if (!isRecord(style)) return html;
  let out = html;
  if (style['code']) out = `<code>${out}</code>`;
  if (style['bold']) out = `<strong>${out}</strong>`;
  if (style['italic']) out = `<em>${out}</em>`;
  if (style['strike']) out = `<del>${out}</del>`;
  return out;
};

const richInline = (e: unknown, ctx: RenderContext): string => {
  if (!isRecord(e)) return '';
  const text = (value: string) => esc(value).replace(/\n/g, '<br>');
  switch (e['type']) {
    case 'text':
      return richStyle(text(str(e['text']) ?? ''), e['style']);
    case 'link': {
      const url = str(e['url']) ?? '';
      const safe = /^(https?:|mailto:)/i.test(url);
      const label = text(str(e['text']) ?? url);
      return richStyle(safe ? `<a${attrs({ href: url, target: '_blank', rel: 'noopener noreferrer' })}>${label}</a>` : label, e['style']);
    }
    case 'user': {
      const id = str(e['user_id']) ?? '';
      return `<span class="mention">@${esc(ctx.dir.userName(id) ?? id)}</span>`;
    }
    case 'channel': {
      const id = str(e['channel_id']) ?? '';
      return `<a class="mention"${attrs({ href: ctx.dir.channelHref(id) })}>#${esc(ctx.dir.channelName(id) ?? id)}</a>`;
    }
    case 'usergroup': {
      const id = str(e['usergroup_id']) ?? '';
      return `<span class="mention">@${esc(ctx.dir.groupHandle(id) ?? id)}</span>`;
    }
    case 'broadcast':
      return `<span class="mention">@${esc(str(e['range']) ?? 'here')}</span>`;
    case 'emoji': {
      const name = str(e['name']) ?? '';
      const unicode = str(e['unicode']);
      const fromCode = unicode ? String.fromCodePoint(...unicode.split('-').map((h) => parseInt(h, 16))) : undefined;
      return esc(fromCode ?? emojiChar(name) ?? `:${name}:`);
    }
    case 'date': {
      const seconds = Number(e['timestamp']);
      return `<time>${esc(Number.isFinite(seconds) ? formatSlackDate(seconds, str(e['format']) ?? '{date_short} {time}', ctx.dir.timeZone, ctx.dir.now) : (str(e['fallback']) ?? ''))}</time>`;
    }
    case 'color':
      return `<code>${esc(str(e['value']) ?? '')}</code>`;
    default:
      return `<code>${esc(JSON.stringify(e))}</code>`;
  }
};

const richElement = (e: unknown, ctx: RenderContext): string => {
  if (!isRecord(e)) return '';
  const inline = () => (Array.isArray(e['elements']) ? e['elements'].map((x) => richInline(x, ctx)).join('') : '');
  switch (e['type']) {
    case 'rich_text_section':
      return `<div class="rt-section">${inline()}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="pre">${inline()}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${inline()}</blockquote>`;
    case 'rich_text_list': {
      const tag = e['style'] === 'ordered' ? 'ol' : 'ul';
      const items = Array.isArray(e['elements']) ? e['elements'].map((item) => `<li>${isRecord(item) && Array.isArray(item['elements']) ? item['elements'].map((x) => richInline(x, ctx)).join('') : ''}</li>`).join('') : '';
      return `<${tag} class="rt-list"${attrs({ style: typeof e['indent'] === 'number' ? `margin-left:${1.2 * e['indent']}em` : undefined })}>${items}</${tag}>`;
    }
    default:
      return unknownBlock(e);
  }
};

const richText = (block: Block, ctx: RenderContext): string =>
  `<div class="b-rich">${(Array.isArray(block['elements']) ? block['elements'] : []).map((e) => richElement(e, ctx)).join('')}</div>`;

/** One block; `index` is its position, which names it when the app gave no block_id. */
export const blockHtml = (raw: unknown, index: number, ctx: RenderContext): string => {
  if (!isRecord(raw)) return unknownBlock(raw);
  const blockId = blockIdOf(raw, index);
  switch (raw['type']) {
    case 'header':
      return `<div class="b-header" role="heading" aria-level="3">${textHtml(raw['text'], ctx.dir)}</div>`;
    case 'section':
      return section(raw, blockId, ctx);
    case 'context':
      return context(raw, ctx);
    case 'divider':
      return '<hr class="b-divider">';
    case 'actions':
      return actions(raw, blockId, ctx);
    case 'image':
      return image(raw, ctx);
    case 'rich_text':
      return richText(raw, ctx);
    case 'input':
      return input(raw, blockId, ctx);
    case 'markdown':
      return `<div class="b-markdown">${esc(str(raw['text']) ?? '')}</div>`;
    default:
      return unknownBlock(raw);
  }
};

export const blocksHtml = (blocks: readonly unknown[], ctx: RenderContext): string =>
  `<div class="blocks">${blocks.map((block, index) => blockHtml(block, index, ctx)).join('')}</div>`;
