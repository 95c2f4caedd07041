import type { AllMiddlewareArgs, AnyMiddlewareArgs, Context } from '@slack/bolt';
import { z } from 'zod';
import { incidentInChannel, notAnIncidentChannel } from '../../app/incident/find-incident.js';
import type { Incident } from '../../domain/incident/incident.js';
import type { ListenerContext } from './context.js';

const contextKey = 'channelIncident';

/** Where a slash command (`channel_id`) or a message shortcut (`channel.id`) was used. */
const channelSchema = z.object({ channel_id: z.string().optional(), channel: z.object({ id: z.string() }).optional() });

/**
 * Listener middleware: finds the incident of the channel a command or shortcut was used in, once, and
 * leaves it in `context` (undefined outside an incident channel) for the listener to take.
 */
export const resolveChannelIncident =
  (ctx: ListenerContext) =>
  async ({ body, context, next }: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = channelSchema.safeParse(body);
    const channelId = parsed.success ? (parsed.data.channel_id ?? parsed.data.channel?.id) : undefined;
    context[contextKey] = channelId ? incidentInChannel(ctx.deps.incidents, channelId) : undefined;
    await next();
  };

/** The incident of this channel, if it is one. */
export const channelIncident = (context: Context): Incident | undefined => context[contextKey] as Incident | undefined;

/** The incident of this channel, or the refusal that says it is not one and what to do instead. */
export const requireChannelIncident = (context: Context, what?: string): Incident => {
  const incident = channelIncident(context);
  if (!incident) throw notAnIncidentChannel(what);
  return incident;
};
