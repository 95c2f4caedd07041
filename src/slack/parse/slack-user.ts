import { z } from 'zod';
import type { KnownPerson } from '../../app/ports.js';

/** The fields of Slack's user object the bot reads (users.info, users.list, user_change). */
export const slackUserSchema = z.object({
  id: z.string().regex(/^[UW][A-Z0-9]+$/),
  name: z.string().default(''),
  deleted: z.boolean().default(false),
  real_name: z.string().optional(),
  profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
});

/** Slack's own rule for what to call someone: the display name they chose, else their real name, else the handle. */
export const toKnownPerson = (user: z.infer<typeof slackUserSchema>): KnownPerson => ({
  id: user.id,
  handle: user.name,
  displayName: user.profile?.display_name?.trim() || user.profile?.real_name?.trim() || user.real_name?.trim() || user.name || user.id,
  deleted: user.deleted,
});

export const parseSlackUser = (value: unknown): KnownPerson | undefined => {
  const parsed = slackUserSchema.safeParse(value);
  return parsed.success ? toKnownPerson(parsed.data) : undefined;
};
