import { DateTime } from 'luxon';
import { parseUserMention } from './command-text.js';

export interface FollowUpCommand {
  text: string;
  ownerId: string | null;
  dueAt: number | null;
  blocking: boolean;
  /** A word that looked like a date but is not one, to be named back to the person. */
  badDate: string | null;
}

/** Due dates fall due at 17:00 in the configured time zone: the end of that working day. */
export const dueAtEndOfDay = (date: string, zone: string): number | null => {
  const parsed = DateTime.fromISO(date, { zone });
  return parsed.isValid ? parsed.set({ hour: 17, minute: 0, second: 0, millisecond: 0 }).toMillis() : null;
};

/** `/incident followup <text> [@owner] [YYYY-MM-DD] [blocking]`, in any order after the text. */
export const parseFollowUpCommand = (rest: string, zone: string): FollowUpCommand => {
  const words: string[] = [];
  let ownerId: string | null = null;
  let dueAt: number | null = null;
  let blocking = false;
  let badDate: string | null = null;
  for (const token of rest.trim().split(/\s+/).filter(Boolean)) {
    const mention = parseUserMention(token);
    if (mention && !ownerId) ownerId = mention;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(token)) {
      dueAt = dueAtEndOfDay(token, zone);
      if (dueAt === null) badDate = token;
    } else if (/^!?blocking$/i.test(token)) blocking = true;
    else words.push(token);
  }
  return { text: words.join(' '), ownerId, dueAt, blocking, badDate };
};
