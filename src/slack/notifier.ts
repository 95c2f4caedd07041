import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { serviceNames } from '../app/communication/audiences.js';
import type { Clock } from '../app/ports.js';
import type { Notifier } from '../app/outbound.js';
import type { IncidentConfig } from '../domain/escalation/types.js';
import type { Incident } from '../domain/incident/incident.js';
import { incidentAnnouncement, incidentCard, incidentFallbackText, incidentTopic } from './blocks/incident-card.js';
import { roleChecklistMessage } from './blocks/messages.js';
import { closedPageMessage, pageMessage, updateReminderMessage } from './blocks/page.js';
import { followUpReminder, postmortemNotice, similarIncidents } from './blocks/postmortem.js';
import { digestMessage, engineerUpdate, executiveLine, executiveSummary, maintenanceNotice, stakeholderUpdate } from './blocks/communications.js';
import { slackErrorCode } from './slack-error.js';
import { alertGroupMessage, alertPageMessage } from './blocks/alert-group.js';

export interface NotifierOptions {
  client: WebClient;
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

export const createNotifier = ({ client, workspaceUrl, botUserId, clock, logger, config }: NotifierOptions): Notifier => {
  const cardBlocks = (incident: Incident, now: number) => incidentCard(incident, now, serviceNames(config(), incident));

  const ignoring = async (codes: string[], call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !codes.includes(code)) throw error;
      logger.debug({ code }, 'ignored an expected Slack answer');
    }
  };

  const openDm = async (userId: string): Promise<string> => {
    const dm = await client.conversations.open({ users: userId });
    return dm.channel!.id!;
  };

  // Slack posts "set the channel topic" in the channel on every call, so an unchanged topic is not set
  // again. After a restart the first refresh sets it once more, which is harmless.
  const topics = new Map<string, string>();
  const setTopic = async (incident: Incident) => {
    if (!incident.channelId) return;
    const channel = incident.channelId;
    const topic = incidentTopic(incident);
    if (topics.get(channel) === topic) return;
    await ignoring(['too_long'], () => client.conversations.setTopic({ channel, topic }));
    topics.set(channel, topic);
  };

  return {
    createChannel: async (name, isPrivate) => {
      try {
        const result = await client.conversations.create({ name, is_private: isPrivate });
        return { id: result.channel!.id!, name: result.channel!.name ?? name };
      } catch (error) {
        if (slackErrorCode(error) === 'name_taken') return 'name_taken';
        throw error;
      }
    },

    inviteUsers: async (channelId, userIds) => {
      for (const userId of userIds) {
        await ignoring(['already_in_channel', 'cant_invite_self'], () =>
          client.conversations.invite({ channel: channelId, users: userId }),
        );
      }
    },

    setTopic,

    postCard: async (incident) => {
      const channel = incident.channelId!;
      const posted = await client.chat.postMessage({
        channel,
        text: incidentFallbackText(incident),
        blocks: cardBlocks(incident, clock.now()),
      });
      return posted.ts!;
    },

    pin: async (channel, ts) => {
      await ignoring(['already_pinned'], () => client.pins.add({ channel, timestamp: ts }));
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

    postAnnouncement: async (channelId, incident) => {
      const posted = await client.chat.postMessage({
        channel: channelId,
        text: `:rotating_light: ${incidentFallbackText(incident)}`,
        blocks: incidentAnnouncement(incident, clock.now()),
        unfurl_links: false,
      });
      return posted.ts!;
    },

    refresh: async (incident) => {
      const now = clock.now();
      const text = incidentFallbackText(incident);
      await setTopic(incident);
      if (incident.channelId && incident.cardTs) {
        await client.chat.update({ channel: incident.channelId, ts: incident.cardTs, text, blocks: cardBlocks(incident, now) });
      }
      if (incident.announcementChannelId && incident.announcementTs) {
        const { announcementChannelId: channel, announcementTs: ts } = incident;
        await client.chat.update({ channel, ts, text, blocks: incidentAnnouncement(incident, now) });
      }
    },

    postToChannel: async (channelId, text) => {
      const posted = await client.chat.postMessage({ channel: channelId, text, unfurl_links: false });
      return posted.ts!;
    },

    sendRoleChecklist: async (userId, incident, role) => {
      await client.chat.postMessage({ channel: await openDm(userId), ...roleChecklistMessage(incident, role) });
    },

    permalink: (channelId, ts) => buildPermalink(workspaceUrl, channelId, ts),

    // Posting to the user id lands in the bot's DM with them: one round trip, no conversations.open first.
    sendPage: async (userId, incident, page) => {
      const posted = await client.chat.postMessage({ channel: userId, ...pageMessage(incident, page) });
      return { channelId: posted.channel!, ts: posted.ts! };
    },

    closePage: async (notification, incident, outcome) => {
      await ignoring(['message_not_found', 'channel_not_found'], () =>
        client.chat.update({ channel: notification.channelId, ts: notification.ts, ...closedPageMessage(incident, outcome) }),
      );
    },

    userGroupMembers: async (usergroupId) => {
      const result = await client.usergroups.users.list({ usergroup: usergroupId });
      return result.users ?? [];
    },

    sendUpdate: async (audience, channelId, incident, view) => {
      const now = clock.now();
      const rendered =
        audience === 'engineers'
          ? engineerUpdate(incident, view)
          : audience === 'stakeholders'
            ? stakeholderUpdate(incident, view)
            : executiveLine(incident, view, now);
      const posted = await client.chat.postMessage({ channel: channelId, ...rendered, unfurl_links: false });
      return posted.ts!;
    },

    sendExecutiveSummary: async (channelId, incident, summary) => {
      await client.chat.postMessage({ channel: channelId, ...executiveSummary(incident, summary, clock.now()), unfurl_links: false });
    },

    sendDigest: async (channelId, digest) => {
      await client.chat.postMessage({ channel: channelId, ...digestMessage(digest, clock.now()), unfurl_links: false });
    },

    sendMaintenanceNotice: async (channelId, maintenance, phase, serviceNames) => {
      await client.chat.postMessage({ channel: channelId, ...maintenanceNotice(maintenance, phase, serviceNames), unfurl_links: false });
    },

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

    tellPrivately: async (channelId, userId, text) => {
      try {
        await client.chat.postEphemeral({ channel: channelId, user: userId, text });
      } catch {
        await client.chat.postMessage({ channel: await openDm(userId), text });
      }
    },

    postPostmortemNotice: async (channelId, notice) => {
      await client.chat.postMessage({ channel: channelId, ...postmortemNotice(notice), unfurl_links: false });
    },

    postSimilarIncidents: async (channelId, similar) => {
      await client.chat.postMessage({ channel: channelId, ...similarIncidents(similar), unfurl_links: false });
    },

    sendFollowUpReminder: async (userId, followUp, incident) => {
      await client.chat.postMessage({ channel: await openDm(userId), ...followUpReminder(followUp, incident) });
    },

    postAlertGroup: async (channelId, view) => {
      const posted = await client.chat.postMessage({ channel: channelId, ...alertGroupMessage(view), unfurl_links: false });
      return posted.ts!;
    },

    updateAlertGroup: async (channelId, ts, view) => {
      await ignoring(['message_not_found'], () => client.chat.update({ channel: channelId, ts, ...alertGroupMessage(view) }));
    },

    sendAlertPage: async (userId, page) => {
      const dm = await openDm(userId);
      const posted = await client.chat.postMessage({ channel: dm, ...alertPageMessage(page), unfurl_links: false });
      return { channelId: dm, ts: posted.ts! };
    },

    sendUpdateReminder: async (userId, incident, overdueForMs) => {
      await client.chat.postMessage({ channel: await openDm(userId), ...updateReminderMessage(incident, overdueForMs) });
    },
  };
};
