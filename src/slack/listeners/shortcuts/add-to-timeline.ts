import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { addToTimelineModal } from '../../blocks/modals/add-to-timeline-modal.js';
import { requireChannelIncident } from '../channel-incident.js';
import type { ListenerContext } from '../context.js';
import { reportingErrors, tellPrivately } from '../report-error.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** The message shortcut "Add to incident timeline": checks the channel first, then asks for a comment. */
export const addToTimelineShortcut = (ctx: ListenerContext) => async ({ ack, shortcut, client, context }: ShortcutArgs) => {
  await ack();
  const channelId = shortcut.channel.id;
  await reportingErrors(tellPrivately(client, shortcut.user.id, channelId), ctx.logger.child({ module: 'shortcut' }), async () => {
    requireChannelIncident(context, 'Adding a message to the timeline');
    const message = shortcut.message as { ts: string; text?: string; user?: string };
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: addToTimelineModal({
        channelId,
        messageTs: message.ts,
        preview: message.text ?? '',
        ...(message.user ? { messageUserId: message.user } : {}),
      }),
    });
  });
};
