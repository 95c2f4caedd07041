import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../domain/errors.js';
import { addToTimelineModal } from '../../blocks/modals.js';
import type { ListenerContext } from '../context.js';
import { reportingErrors, tellPrivately } from '../report-error.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** The message shortcut "Add to incident timeline": checks the channel first, then asks for a comment. */
export const addToTimelineShortcut = (ctx: ListenerContext) => async ({ ack, shortcut, client }: ShortcutArgs) => {
  await ack();
  const channelId = shortcut.channel.id;
  await reportingErrors(tellPrivately(client, shortcut.user.id, channelId), ctx.logger.child({ module: 'shortcut' }), async () => {
    if (!ctx.deps.incidents.findByChannel(channelId)) {
      throw new DomainError('NOT_AN_INCIDENT_CHANNEL', 'Only messages in an incident channel can be added to its timeline.');
    }
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
