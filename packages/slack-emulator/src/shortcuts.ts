/**
 * A person picks one of the app's message shortcuts from a message's "More actions" menu: Slack signs a
 * `message_action` interactivity payload to the app. Global shortcuts are not emulated.
 */
import type { AppResponse } from './app-client.js';
import { channelNameFor, requireUser, requireVisible, teamRef, type Driver } from './driver.js';
import { formatTs } from './ids.js';
import { messageObject, userRef } from './shapes.js';

export type MessageShortcutInput = { user: string; channel: string; messageTs: string; callbackId: string };

export type MessageShortcutResult = AppResponse & { triggerId: string; responseUrl: string };

export async function runMessageShortcut(d: Driver, input: MessageShortcutInput): Promise<MessageShortcutResult> {
  if (!d.messageShortcuts.includes(input.callbackId)) {
    throw new Error(`fake-slack: ${input.callbackId} is not a message shortcut in the manifest`);
  }
  if (!d.interactivity) throw new Error('fake-slack: interactivity is not enabled in the manifest');
  const user = requireUser(d.ws, input.user);
  const channel = requireVisible(d.ws, user.id, input.channel);
  const message = d.ws.message(channel.id, input.messageTs);
  if (!message) throw new Error(`fake-slack: no message ${input.messageTs} in ${channel.id}`);
  const trigger = d.ws.issueTrigger(user.id);
  const responseUrl = d.responseUrls.issue({ channel: channel.id, user: user.id, messageTs: message.ts });
  const payload = {
    type: 'message_action',
    token: d.verificationToken,
    action_ts: formatTs(Math.floor(d.ws.now()) * 1000),
    team: teamRef(d.ws),
    user: userRef(d.ws, user.id),
    channel: { id: channel.id, name: channelNameFor(channel) },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: trigger.id,
    response_url: responseUrl,
    message_ts: message.ts,
    message: messageObject(d.ws, message),
  };
  const response = await d.app.sendForm('message_action', { payload: JSON.stringify(payload) });
  return { ...response, triggerId: trigger.id, responseUrl };
}
