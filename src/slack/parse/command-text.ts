/** `/incident role commander <@U123|alice>` → { name: 'role', args: ['commander', '<@U123|alice>'], rest: 'commander <@U123|alice>' } */
export interface ParsedCommand {
  name: string;
  args: string[];
  /** Everything after the subcommand, as typed (for titles and notes). */
  rest: string;
}

export const parseCommandText = (text: string): ParsedCommand => {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { name: '', args: [], rest: '' };
  const rest = match[2] ?? '';
  return { name: (match[1] ?? '').toLowerCase(), args: rest.split(/\s+/).filter(Boolean), rest };
};

/** Slack escapes mentions in slash commands (should_escape: true) as `<@U123|name>`. */
export const parseUserMention = (token: string): string | undefined => /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token)?.[1];

/**
 * Slack escapes &, < and > in command text; notes should store what the person typed. The result may
 * hold a literal `<!everyone>`: it is stored, never posted as it is (see escapeUserText).
 */
export const unescapeSlackText = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
