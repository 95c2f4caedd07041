import { replaceShortcodes } from './emoji.js';
import { attrs, esc } from './html.js';

/** How names, links and dates are shown to the person reading. */
export type Directory = {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  groupHandle(id: string): string | undefined;
  /** where a channel link goes in the sandbox */
  channelHref(id: string): string;
  timeZone: string;
  /** ms, for "today" and "3 minutes ago" */
  now: number;
};

/** Slack escapes only these three in message text. */
const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const safeHref = (url: string): string | undefined => (/^(https?:|mailto:)/i.test(url) ? url : undefined);

const link = (url: string, label: string): string => {
  const href = safeHref(url);
  return href ? `<a${attrs({ href, target: '_blank', rel: 'noopener noreferrer' })}>${esc(label)}</a>` : esc(label);
};

const ordinal = (day: number): string => {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
};

const parts = (ms: number, timeZone: string): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );

const dayKey = (ms: number, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));

const ago = (ms: number, now: number): string => {
  const seconds = Math.round((now - ms) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] = abs < 60 ? [abs, 'second'] : abs < 3600 ? [Math.round(abs / 60), 'minute'] : abs < 86400 ? [Math.round(abs / 3600), 'hour'] : [Math.round(abs / 86400), 'day'];
  const amount = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return seconds >= 0 ? `${amount} ago` : `in ${amount}`;
};

/** `<!date^seconds^format|fallback>` as Slack's client shows it, in the reader's time zone. */
export const formatSlackDate = (seconds: number, format: string, timeZone: string, now: number): string => {
  const ms = seconds * 1000;
  const p = parts(ms, timeZone);
  const month = p['month'] ?? '';
  const short = `${month.slice(0, 3)} ${p['day']}, ${p['year']}`;
  const long = `${month} ${ordinal(Number(p['day']))}, ${p['year']}`;
  const relative = (fallback: string): string => {
    const day = dayKey(ms, timeZone);
    if (day === dayKey(now, timeZone)) return 'today';
    if (day === dayKey(now - 86_400_000, timeZone)) return 'yesterday';
    if (day === dayKey(now + 86_400_000, timeZone)) return 'tomorrow';
    return fallback;
  };
  const tokens: Record<string, () => string> = {
    date_num: () => dayKey(ms, timeZone),
    date: () => long,
    date_short: () => short,
    date_long: () => `${p['weekday']}, ${long}`,
    date_pretty: () => relative(long),
    date_short_pretty: () => relative(short),
    date_long_pretty: () => relative(`${p['weekday']}, ${long}`),
    time: () => `${p['hour']}:${p['minute']}`,
    time_secs: () => `${p['hour']}:${p['minute']}:${p['second']}`,
    ago: () => ago(ms, now),
  };
  return format.replace(/\{([a-z_]+)\}/g, (whole, token: string) => tokens[token]?.() ?? whole);
};

/** One `<…>` of Slack markup: a mention, a channel, a special mention, a date or a link. */
const renderAngle = (inner: string, dir: Directory): string => {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decode(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${esc(label ?? dir.userName(id) ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<a class="mention"${attrs({ href: dir.channelHref(id) })}>#${esc(dir.channelName(id) ?? label ?? id)}</a>`;
  }
  if (target.startsWith('!')) {
    const [command = '', ...rest] = target.slice(1).split('^');
    if (command === 'here' || command === 'channel' || command === 'everyone') return `<span class="mention">@${command}</span>`;
    if (command === 'subteam') return `<span class="mention">${esc(label ?? `@${dir.groupHandle(rest[0] ?? '') ?? rest[0]}`)}</span>`;
    if (command === 'date') {
      const seconds = Number(rest[0]);
      const text = Number.isFinite(seconds) && rest[1] ? formatSlackDate(seconds, rest[1], dir.timeZone, dir.now) : (label ?? target);
      const url = rest[2] ? safeHref(rest[2]) : undefined;
      const time = Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
      return url ? `<a${attrs({ href: url, target: '_blank', rel: 'noopener noreferrer' })}><time${attrs({ datetime: time })}>${esc(text)}</time></a>` : `<time${attrs({ datetime: time, title: label })}>${esc(text)}</time>`;
    }
    return esc(label ?? `@${command}`);
  }
  return link(decode(target), label ?? decode(target));
};

const wrap = (text: string, mark: string, tag: string): string => {
  const m = mark === '*' ? '\\*' : mark;
  const pattern = new RegExp(`(^|[^\\w${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?![\\w${m}])`, 'g');
  return text.replace(pattern, `$1<${tag}>$2</${tag}>`);
};

const quoteBlocks = (html: string): string => {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of html.split('\n')) {
    const quoted = /^&gt;\s?(.*)$/.exec(line);
    if (quoted) quote.push(quoted[1] ?? '');
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n').replace(/\n/g, '<br>').replace(/<br>(<blockquote>)/g, '$1').replace(/(<\/blockquote>)<br>/g, '$1');
};

/** Slack mrkdwn → HTML: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, links, mentions, dates, emoji. */
export const renderMrkdwn = (text: string, dir: Directory): string => {
  const slots: string[] = [];
  const hold = (html: string) => `\u0001${slots.push(html) - 1}\u0002`;
  let s = text;
  s = s.replace(/```([\s\S]*?)```/g, (_, code: string) => hold(`<pre class="pre">${esc(decode(code).replace(/^\n/, ''))}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${esc(decode(code))}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (_, inner: string) => hold(renderAngle(inner, dir)));
  s = replaceShortcodes(esc(decode(s)));
  s = wrap(s, '*', 'strong');
  s = wrap(s, '_', 'em');
  s = wrap(s, '~', 'del');
  s = quoteBlocks(s);
  // The control characters are the slot markers hold() writes above: matching them is the point.
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u0001(\d+)\u0002/g, (_, index: string) => slots[Number(index)] ?? '');
};

/** plain_text objects: escaped, with emoji when `emoji` is not false. */
export const renderPlain = (text: string, emoji = true): string => (emoji ? replaceShortcodes(esc(text)) : esc(text));
