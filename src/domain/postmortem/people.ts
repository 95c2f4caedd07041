/** How people appear in a postmortem: `@name` from the names map, else `@<Slack user id>`. */
export type PersonNames = Readonly<Record<string, string>>;

export const personLabel = (userId: string, names: PersonNames = {}): string => {
  const name = Object.hasOwn(names, userId) ? names[userId] : undefined;
  return `@${name && name.trim() ? name.trim() : userId}`;
};

/**
 * Slack's message markup as plain text: `<@U1>` → `@name`, `<#C1|general>` → `#general`,
 * `<!here>` → `@here`, `<https://x|label>` → `label (https://x)`. Anything else in angle brackets is
 * left for the Markdown escaping. Slack's own `&lt;` `&gt;` `&amp;` are kept: Markdown shows them as characters.
 */
export const plainSlackText = (text: string, names: PersonNames = {}): string =>
  text.replace(/<([@#!]|https?:\/\/|mailto:)([^<>|\s]*)(?:\|([^<>]*))?>/g, (whole, prefix: string, rest: string, label?: string) => {
    switch (prefix) {
      case '@':
        return /^[UW][A-Z0-9_]+$/.test(rest) ? personLabel(rest, names) : whole;
      case '#':
        return `#${label ?? rest}`;
      case '!':
        return `@${(label ?? rest).replace(/^subteam\^/, '')}`;
      default: {
        const url = prefix + rest;
        return label && label !== url ? `${label} (${url})` : url;
      }
    }
  });
