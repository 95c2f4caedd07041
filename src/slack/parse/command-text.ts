import { z } from 'zod';
import { escape } from '../blocks/text.js';

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

/** What a subcommand's parser gives back: its input, or one sentence saying what to type instead. */
export type CommandInput<T> = { ok: true; value: T } | { ok: false; refusal: string };

/**
 * A subcommand's parser: `pick` names the command's words, `schema` checks and converts them. A
 * failure reads as the schema's first message, which names what was typed and what would work.
 */
export const commandParser =
  <S extends z.ZodType>(pick: (command: ParsedCommand) => unknown, schema: S) =>
  (command: ParsedCommand): CommandInput<z.output<S>> => {
    const parsed = schema.safeParse(pick(command));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, refusal: parsed.error.issues[0]?.message ?? 'I could not read that command.' };
  };

/** For a subcommand that takes no words (or ignores them). */
export const noWords = commandParser(() => ({}), z.object({}));

/** A word of the command echoed back in an answer: as typed, pinging nobody. */
export const echo = (token: string): string => escape(unescapeSlackText(token));

/** Free text as the person typed it (Slack's escaping undone). */
export const slackText = z.string().transform(unescapeSlackText);

/** One word read by `read` (case-insensitive), or a refusal built from what was typed. */
export const word = <T>(read: (word: string) => T | undefined, refusal: (typed: string) => string) =>
  z.string().transform((typed, ctx): T => {
    const value = read(typed.toLowerCase());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: refusal(echo(typed)) });
      return z.NEVER;
    }
    return value;
  });

/** For a refusal: what the person typed, when it looks like someone we could not find. */
export const unknownPerson = (token: string | undefined): string | undefined => (token && /^@[\p{L}\p{N}._-]+$/u.test(token) ? token : undefined);

/**
 * A word that may name a person: their id when Slack (or the plain-mention lookup) made it a mention,
 * undefined when it names no one (a service, say), and a refusal for an `@name` nobody has.
 */
export const personWord = z.string().transform((token, ctx): string | undefined => {
  const id = parseUserMention(token);
  if (!id && unknownPerson(token)) {
    ctx.addIssue({ code: 'custom', message: `I can't find ${echo(token)} in this workspace.` });
    return z.NEVER;
  }
  return id;
});
