import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { serviceNames } from '../app/communication/audiences.js';
import type { Clock } from '../app/ports.js';
import type { Notifier, OutboundKind, OutboundMessage, Posted, SendOnce } from '../app/outbound.js';
import type { IncidentConfig } from '../config/incident-config.js';
import type { Incident } from '../domain/incident/incident.js';
import { incidentTopic } from './blocks/incident-card.js';
import { renderMessage } from './blocks/outbound-message.js';
import { slackErrorCode } from './slack-error.js';

export interface NotifierOptions {
  client: WebClient;
  /**
   * The same, without retries of its own, for messages sent once: a post whose answer was lost
   * fails its job instead of being posted again, and the job's next try looks for it first.
   */
  onceClient?: WebClient;
  /** The workspace's URL as auth.test reports it, e.g. https://acme.slack.com/ */
  workspaceUrl: string;
  /** The bot's own user id (auth.test): channels it created carry it as their creator. */
  botUserId: string;
  clock: Clock;
  logger: Logger;
  /** The configuration in force, for the services' names on the card. */
  config: () => IncidentConfig;
}

/** Slack's permalink format; building it saves one chat.getPermalink call per stored message. */
export const buildPermalink = (workspaceUrl: string, channelId: string, ts: string): string =>
  `${workspaceUrl.replace(/\/$/, '')}/archives/${channelId}/p${ts.replace('.', '')}`;

/**
 * Answers that mean "nothing left to edit" for messages their readers may delete: a page DM, an alert
 * group's message. The incident card is the incident's record: losing it is a failure, reported.
 */
const goneOnEdit: Partial<Record<OutboundKind, string[]>> = {
  page_closed: ['message_not_found', 'channel_not_found'],
  alert_group: ['message_not_found'],
};

const ignoringWith = (logger: Logger) => async (codes: readonly string[], call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !codes.includes(code)) throw error;
    logger.debug({ code }, 'ignored an expected Slack answer');
  }
};

/** Creating channels, or finding the one an earlier try created and whose answer was lost. */
const channelAdmin = ({ client, botUserId }: Pick<NotifierOptions, 'client' | 'botUserId'>): Pick<Notifier, 'createChannel' | 'findOwnChannel'> => ({
  createChannel: async (name, isPrivate) => {
    try {
      const result = await client.conversations.create({ name, is_private: isPrivate });
      return { id: result.channel!.id!, name: result.channel!.name ?? name };
    } catch (error) {
      if (slackErrorCode(error) === 'name_taken') return 'name_taken';
      throw error;
    }
  },

  findOwnChannel: async (name, createdSince) => {
    for (let cursor: string | undefined = undefined, pages = 0; pages < 20; pages += 1) {
      const page = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) });
      const found = page.channels?.find((channel) => channel.name === name);
      if (found?.id) {
        const ours = found.creator === botUserId && (found.created ?? 0) * 1000 >= createdSince - 1000;
        return ours ? { id: found.id, name } : null;
      }
      cursor = page.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return null;
  },
});

/** Files and canvases: the postmortem draft's two homes. */
const documents = ({ client, logger }: Pick<NotifierOptions, 'client' | 'logger'>): Pick<Notifier, 'uploadFile' | 'createCanvas'> => ({
  uploadFile: async (channelId, file) => {
    const bytes = Buffer.from(file.content, 'utf8');
    const target = await client.files.getUploadURLExternal({ filename: file.filename, length: bytes.length });
    const upload = await fetch(target.upload_url!, { method: 'POST', body: new Uint8Array(bytes), signal: AbortSignal.timeout(10_000) });
    if (!upload.ok) throw new Error(`file upload answered HTTP ${upload.status}`);
    await client.files.completeUploadExternal({
      files: [{ id: target.file_id!, title: file.title }],
      channel_id: channelId,
      initial_comment: file.comment,
    });
    return target.file_id!;
  },

  createCanvas: async (channelId, title, markdown) => {
    try {
      const created = await client.canvases.create({ title, channel_id: channelId, document_content: { type: 'markdown', markdown } });
      return created.canvas_id ?? null;
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code) throw error;
      // Canvases are not available everywhere (plan, admin settings); the Markdown file is the fallback.
      logger.warn({ slackError: code }, 'canvas not created; the Markdown draft stands alone');
      return null;
    }
  },
});

/** Channel membership and chrome: members, pins, the topic. */
const channelChrome = ({ client, logger }: Pick<NotifierOptions, 'client' | 'logger'>): Pick<Notifier, 'inviteUsers' | 'pin' | 'setTopic' | 'userGroupMembers'> => {
  const ignoring = ignoringWith(logger);
  // Slack posts "set the channel topic" in the channel on every call, so an unchanged topic is not set
  // again. After a restart the first refresh sets it once more, which is harmless.
  const topics = new Map<string, string>();
  return {
    inviteUsers: async (channelId, userIds) => {
      for (const userId of userIds) {
        await ignoring(['already_in_channel', 'cant_invite_self'], () => client.conversations.invite({ channel: channelId, users: userId }));
      }
    },
    pin: async (channel, ts) => {
      await ignoring(['already_pinned'], () => client.pins.add({ channel, timestamp: ts }));
    },
    setTopic: async (incident: Incident) => {
      if (!incident.channelId) return;
      const channel = incident.channelId;
      const topic = incidentTopic(incident);
      if (topics.get(channel) === topic) return;
      await ignoring(['too_long'], () => client.conversations.setTopic({ channel, topic }));
      topics.set(channel, topic);
    },
    userGroupMembers: async (usergroupId) => {
      const result = await client.usergroups.users.list({ usergroup: usergroupId });
      return result.users ?? [];
    },
  };
};

/** The metadata that marks a message sent once, and how it is found again. */
const onceEvent = 'incident_bot_once';
const markedWith = (key: string) => ({ event_type: onceEvent, event_payload: { key } });

const payloadKey = (payload: object | undefined): unknown => (payload && 'key' in payload ? payload.key : undefined);

/**
 * A message an earlier try posted under `key`, among the 200 latest in the conversation (a retry
 * comes seconds to minutes after the try).
 */
const findMarked = async (client: WebClient, channelId: string, key: string): Promise<Posted | undefined> => {
  const read = () => client.conversations.history({ channel: channelId, limit: 200, include_all_metadata: true });
  // A public channel the bot posts to without being in it (chat:write.public) cannot be read until it
  // joins: it joins, and looks again. A private one it is not in refuses both; the caller posts then.
  const history = await read().catch(async (error: unknown) => {
    if (slackErrorCode(error) !== 'not_in_channel') throw error;
    await client.conversations.join({ channel: channelId });
    return read();
  });
  const found = history.messages?.find((message) => message.metadata?.event_type === onceEvent && payloadKey(message.metadata.event_payload) === key);
  return found?.ts ? { channelId, ts: found.ts } : undefined;
};

/** A DM an earlier try sent under `key`, in the bot's DM with this person. */
const findSentOnce = async (client: WebClient, userId: string, key: string): Promise<Posted | undefined> => {
  const opened = await client.conversations.open({ users: userId });
  return findMarked(client, opened.channel!.id!, key);
};

/**
 * Messages: what is said comes from the OutboundMessage (rendered in slack/blocks); only how it is
 * sent differs. The bot's messages never unfurl links: a runbook or dashboard link would bury the text.
 */
const messaging = ({ client, onceClient = client, clock, logger, config, workspaceUrl }: NotifierOptions): Pick<Notifier, 'post' | 'update' | 'sendDm' | 'tellPrivately' | 'permalink'> => {
  const ignoring = ignoringWith(logger);
  const render = (message: OutboundMessage) => renderMessage(message, { now: clock.now(), serviceNames: (incident) => serviceNames(config(), incident) });
  /**
   * Posts to `target` (a channel, or a person: their DM), marked when it must appear once. On a
   * retry the earlier try's message is looked for first; when Slack refuses the look (a channel the
   * bot may not read, a rate limit) it posts anyway: a message is never lost or held back for want
   * of a look.
   */
  const postMarked = async (target: string, message: OutboundMessage, once: SendOnce | undefined, find: (key: string) => Promise<Posted | undefined>): Promise<Posted> => {
    if (once?.retried) {
      const sent = await find(once.key).catch((error: unknown) => {
        logger.warn({ key: once.key, slackError: slackErrorCode(error) }, 'could not look for the message an earlier try posted; posting');
        return undefined;
      });
      if (sent) {
        logger.info({ key: once.key }, 'found the message an earlier try posted; not posted again');
        return sent;
      }
    }
    const posted = await (once ? onceClient : client).chat.postMessage({ channel: target, ...render(message), unfurl_links: false, ...(once ? { metadata: markedWith(once.key) } : {}) });
    return { channelId: posted.channel!, ts: posted.ts! };
  };
  return {
    post: async (channelId, message, once) => (await postMarked(channelId, message, once, (key) => findMarked(client, channelId, key))).ts,
    update: async ({ channelId, ts }, message) => {
      await ignoring(goneOnEdit[message.kind] ?? [], () => client.chat.update({ channel: channelId, ts, ...render(message) }));
    },
    // Posting to the user id lands in the bot's DM with them: one round trip, no conversations.open first.
    sendDm: (userId, message, once) => postMarked(userId, message, once, (key) => findSentOnce(client, userId, key)),
    tellPrivately: async (channelId, userId, text) => {
      try {
        await client.chat.postEphemeral({ channel: channelId, user: userId, text });
      } catch {
        await client.chat.postMessage({ channel: userId, text });
      }
    },
    permalink: (channelId, ts) => buildPermalink(workspaceUrl, channelId, ts),
  };
};

export const createNotifier = (options: NotifierOptions): Notifier => ({
  ...messaging(options),
  ...channelAdmin(options),
  ...channelChrome(options),
  ...documents(options),
});
