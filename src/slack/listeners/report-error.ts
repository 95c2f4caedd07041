import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { isDomainError } from '../../domain/errors.js';
import { slackErrorCode } from '../slack-error.js';

/** Where a person can be told that their request failed. */
export type Tell = (text: string) => Promise<unknown>;

/**
 * Runs the work that follows an ack. A refusal becomes a clear private message; anything else is
 * logged and the person still hears that it failed and why, so nothing fails silently.
 */
export const reportingErrors = async (tell: Tell, logger: Logger, work: () => Promise<unknown>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) {
      await tell(`:warning: ${error.message}`).catch((tellError) => logger.warn({ err: tellError }, 'could not deliver a refusal'));
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
export const tellPrivately = (client: WebClient, userId: string, channelId?: string): Tell => async (text) => {
  if (channelId) {
    try {
      return await client.chat.postEphemeral({ channel: channelId, user: userId, text });
    } catch {
      // Not in that channel (or it is gone): fall back to a DM.
    }
  }
  const dm = await client.conversations.open({ users: userId });
  return client.chat.postMessage({ channel: dm.channel!.id!, text });
};

/** A private reply next to the message whose button was clicked, leaving that message as it is. */
export const replyPrivately =
  (respond: (message: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>): Tell =>
  (text) =>
    respond({ response_type: 'ephemeral', replace_original: false, text });
