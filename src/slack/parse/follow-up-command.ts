import { z } from 'zod';
import { commandParser, parseUserMention, unescapeSlackText } from './command-text.js';

/** The words of `/incident followup`, sorted: the first mention owns it, a YYYY-MM-DD is its due date, `blocking` flags it. */
const sortWords = (rest: string) => {
  const words: string[] = [];
  let ownerId: string | null = null;
  let dueDate: string | null = null;
  let blocking = false;
  for (const token of unescapeSlackText(rest).trim().split(/\s+/).filter(Boolean)) {
    const mention = parseUserMention(token);
    if (mention && !ownerId) ownerId = mention;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(token)) dueDate = token;
    else if (/^!?blocking$/i.test(token)) blocking = true;
    else words.push(token);
  }
  return { text: words.join(' '), ownerId, dueDate, blocking };
};

/**
 * `/incident followup <text> [@owner] [YYYY-MM-DD] [blocking]`, in any order after the text. The due
 * date stays a date: the use case knows the time zone and when in the day it falls due.
 */
export const parseFollowUpCommand = commandParser(
  ({ rest }) => sortWords(rest),
  z.object({ text: z.string(), ownerId: z.string().nullable(), dueDate: z.string().nullable(), blocking: z.boolean() }),
);

/** `/incident followups [mine|overdue|all]`: no word (or another) lists this incident's, or your own outside one. */
export const parseFollowUpsCommand = commandParser(
  ({ args }) => ({ view: args[0]?.toLowerCase() }),
  z.object({ view: z.enum(['mine', 'overdue', 'all']).optional().catch(undefined) }),
);
