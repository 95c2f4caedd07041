import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { isDomainError } from '../../domain/errors.js';
import { slackErrorCode } from '../slack-error.js';
import { refusalReply, type Reply } from './refusals.js';

/** Where a person can be told something privately: how their request went, or why it was refused. */
export type Tell = (reply: string | Reply) => Promise<unknown>;

const asReply = (reply: string | Reply): Reply => (typeof reply === 'string' ? { text: reply } : reply);

/**
 * Runs the work that follows an ack. A refusal becomes a clear private message; anything else is
 * logged and the person still hears that it failed and why, so nothing fails silently.
 */
export const reportingErrors = async (tell: Tell, logger: Logger, work: () => Promise<unknown>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) {
      await tell(refusalReply(error)).catch((tellError) => logger.warn({ err: tellError }, 'could not deliver a refusal'));
      return;
    }
    const code = slackErrorCode(error);
    logger.error({ err: error, slackError: code }, 'request failed after acknowledgement');
    await tell(
      `:x: Sorry, that did not work${code ? ` (Slack answered \`${code}\`)` : ''}. The details are in the bot's log.`,
    ).catch((tellError) => logger.warn({ err: tellError }, 'could not deliver an error message'));
  }
};

/** Tells a person privately in a channel when possible, otherwise by DM. */
export const tellPrivately = (client: WebClient, userId: string, channelId?: string): Tell => async (reply) => {
  const message = asReply(reply);
  if (channelId) {
    try {
      return await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
    } catch {
      // Not in that channel (or it is gone): fall back to a DM.
    }
  }
  const dm = await client.conversations.open({ users: userId });
  return client.chat.postMessage({ channel: dm.channel!.id!, ...message });
};

/** A private reply next to the message whose button was clicked, leaving that message as it is. */
export const replyPrivately =
  (respond: (message: { response_type: 'ephemeral'; replace_original: false } & Reply) => Promise<unknown>): Tell =>
  (reply) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...asReply(reply) });

/** A private answer to a slash command. */
export const answerCommand =
  (respond: (message: { response_type: 'ephemeral' } & Reply) => Promise<unknown>): Tell =>
  (reply) =>
    respond({ response_type: 'ephemeral', ...asReply(reply) });
