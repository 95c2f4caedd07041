import { z } from 'zod';

/**
 * The `value` of the bot's own buttons and menus, written by its renderers. A value that does not
 * read (an old message, a hand-made request) is refused in words rather than half-used.
 */

/** Escalate now: `<escalationId>:<levelIndex>:<pass>`, naming the level the DM was shown for (older DMs: the id alone). */
export const parseEscalateValue = (value: string | undefined): { escalationId: string; shownLevel?: { levelIndex: number; pass: number } } => {
  const [escalationId = '', levelIndex, pass] = (value ?? '').split(':');
  // A level that does not read as numbers matches no level, so the click changes nothing.
  return levelIndex !== undefined && pass !== undefined ? { escalationId, shownLevel: { levelIndex: Number(levelIndex), pass: Number(pass) } } : { escalationId };
};

/** Snooze: `<incidentId>:<minutes>`. */
export const snoozeValueSchema = z
  .string()
  .regex(/^.+:\d+$/, 'That snooze option is not one I know.')
  .transform((value) => {
    const at = value.lastIndexOf(':');
    return { incidentId: value.slice(0, at), minutes: Number(value.slice(at + 1)) };
  });
