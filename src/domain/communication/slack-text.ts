/**
 * Text people wrote, made safe to put into a Slack message (mrkdwn, a `text` fallback or a topic).
 *
 * Slack treats `<…>` as markup and `&`, `<`, `>` must be written as `&amp;` `&lt;` `&gt;`. What a person
 * typed in Slack reaches the bot with Slack's own markup in it: `<@U123|alice>` for a mention they
 * chose, `<https://x|x>` for a link they pasted, but also `<!channel>` for a typed @channel, and a
 * literal `<!everyone>` they typed comes back once command text is unescaped. Echoed as it is, the bot
 * would ping the whole workspace on their behalf.
 *
 * So: user and channel mentions and links stay as Slack wrote them; special mentions (`<!here>`,
 * `<!channel>`, `<!everyone>`, `<!subteam^…>`, any `<!…>`) become plain text that pings nobody
 * (`@channel`); a link whose label differs from its address (which Slack's client never produces
 * from typing) and everything else is escaped and shows as typed.
 */
/** Text from machines (an alert's labels): nothing in it is markup, not even a mention. */
export const escapeMarkup = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What Slack's client writes for a pasted link: the address alone, or labelled with itself minus the scheme. */
const isTypedLink = (url: string, label: string | undefined): boolean =>
  label === undefined || label === url || label === url.replace(/^(?:https?:\/\/|mailto:)/, '');

const specialMentionText = (body: string, label: string | undefined): string => {
  if (label) return label.startsWith('@') ? label : `@${label}`;
  const name = body.replace(/^subteam\^.*$/, 'group').replace(/^date\^.*$/, 'date');
  return `@${name}`;
};

const renderMarkup = (inner: string): string => {
  const bar = inner.indexOf('|');
  const body = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (/^@[UW][A-Z0-9]+$/.test(body)) return `<${body}>`;
  if (/^#[CG][A-Z0-9]+$/.test(body)) return `<${body}>`;
  if (body.startsWith('!')) {
    // A date's label is its fallback text; anything else special is a mention, shown but not live.
    return escapeMarkup(body.startsWith('!date^') && label !== undefined ? label : specialMentionText(body.slice(1), label));
  }
  if (/^(?:https?:\/\/|mailto:)[^\s]+$/.test(body) && isTypedLink(body, label)) return `<${body}${label === undefined ? '' : `|${escapeMarkup(label)}`}>`;
  return escapeMarkup(`<${inner}>`);
};

export const escapeUserText = (text: string): string => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/<([^<>]*)>/g)) {
    out += escapeMarkup(text.slice(last, match.index)) + renderMarkup(match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + escapeMarkup(text.slice(last));
};
