/** A person clicks a button or picks an option: Slack signs a `block_actions` payload to the app. */
import type { AppResponse } from './app-client.js';
import { chosenValue, findElement, type FoundElement } from './block-elements.js';
import { requireMember, requireUser, teamRef, type Driver } from './driver.js';
import { messageObject, userRef, viewObject } from './shapes.js';

export type MessageTarget = { user: string; channel: string; messageTs: string };
/**
 * `confirm` answers the button's confirmation dialog, when it has one: Slack asks before it sends
 * anything, so a test must say what the person chose (true: confirm, false: cancel).
 */
export type ClickButtonInput = MessageTarget & { actionId: string; blockId?: string; value?: string; confirm?: boolean };
export type SelectOptionInput = { user: string; actionId: string; blockId?: string; value: string | string[] } & (
  | { channel: string; messageTs: string; viewId?: undefined }
  | { viewId: string; channel?: undefined; messageTs?: undefined }
);
export type ClickViewButtonInput = { user: string; viewId: string; actionId: string; blockId?: string; value?: string };

/** `declined`: the person cancelled the confirmation dialog, so nothing reached the app. */
export type ActionResult = AppResponse & { triggerId: string; responseUrl?: string; declined?: boolean };

const declined: ActionResult = { status: 0, body: '', headers: {}, elapsedMs: 0, triggerId: '', declined: true };

export function clickButton(d: Driver, input: ClickButtonInput): Promise<ActionResult> {
  return actOnMessage(d, input, input.actionId, input.blockId, (found) => buttonValue(found, input.value), input.confirm);
}

export function clickViewButton(d: Driver, input: ClickViewButtonInput): Promise<ActionResult> {
  return actOnView(d, input.user, input.viewId, input.actionId, input.blockId, (found) => buttonValue(found, input.value));
}

export function selectOption(d: Driver, input: SelectOptionInput): Promise<ActionResult> {
  const choose = (found: FoundElement) => {
    if (found.type === 'button') throw new Error(`fake-slack: ${input.actionId} is a button; use clickButton`);
    return chosenValue(d.ws, found, input.value);
  };
  if (input.viewId !== undefined) return actOnView(d, input.user, input.viewId, input.actionId, input.blockId, choose);
  return actOnMessage(d, input, input.actionId, input.blockId, choose);
}

function buttonValue(found: FoundElement, value: string | undefined): Record<string, unknown> {
  if (found.type !== 'button') throw new Error(`fake-slack: ${found.actionId} is a ${found.type}, not a button`);
  const { text, value: own, style } = found.element;
  if (value !== undefined && value !== own) {
    throw new Error(`fake-slack: button ${found.actionId} carries value ${JSON.stringify(own)}, not ${JSON.stringify(value)}`);
  }
  return { text, ...(own === undefined ? {} : { value: own }), ...(style === undefined ? {} : { style }) };
}

async function actOnMessage(
  d: Driver,
  target: MessageTarget,
  actionId: string,
  blockId: string | undefined,
  choose: (found: FoundElement) => Record<string, unknown>,
  confirm?: boolean,
): Promise<ActionResult> {
  const user = requireUser(d.ws, target.user);
  const channel = requireMember(d.ws, user.id, target.channel);
  const message = d.ws.message(channel.id, target.messageTs);
  const ephemeral = message
    ? undefined
    : d.ws.ephemerals.find((e) => e.channel === channel.id && e.ts === target.messageTs && e.user === user.id);
  if (!message && !ephemeral) throw new Error(`fake-slack: no message ${target.messageTs} in ${channel.id} for ${user.id}`);
  const found = findElement(message?.blocks ?? ephemeral?.blocks, actionId, blockId);
  if (!found) throw new Error(`fake-slack: message ${target.messageTs} has no element ${blockId ?? '*'}/${actionId}`);
  if (found.element['confirm'] !== undefined) {
    if (confirm === undefined) throw new Error(`fake-slack: ${actionId} asks for confirmation first: pass confirm: true or false`);
    if (!confirm) return declined;
  }
  const trigger = d.ws.issueTrigger(user.id);
  const responseUrl = d.responseUrls.issue({
    channel: channel.id,
    user: user.id,
    messageTs: target.messageTs,
    ephemeral: ephemeral !== undefined,
  });
  const payload = {
    type: 'block_actions',
    user: userRef(d.ws, user.id),
    api_app_id: d.ws.bot.appId,
    token: d.verificationToken,
    container: { type: 'message', message_ts: target.messageTs, channel_id: channel.id, is_ephemeral: ephemeral !== undefined },
    trigger_id: trigger.id,
    team: teamRef(d.ws),
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.name },
    ...(message ? { message: messageObject(d.ws, message) } : {}),
    state: { values: {} },
    response_url: responseUrl,
    actions: [action(d, found, choose(found))],
  };
  return { ...(await send(d, payload)), triggerId: trigger.id, responseUrl };
}

async function actOnView(
  d: Driver,
  userId: string,
  viewId: string,
  actionId: string,
  blockId: string | undefined,
  choose: (found: FoundElement) => Record<string, unknown>,
): Promise<ActionResult> {
  const user = requireUser(d.ws, userId);
  const view = d.ws.view(viewId);
  if (!view || view.user !== user.id) throw new Error(`fake-slack: ${user.id} has no view ${viewId} open`);
  if (view.type === 'modal' && d.ws.topModal(user.id)?.id !== view.id) {
    throw new Error(`fake-slack: view ${viewId} is not the modal ${user.id} is looking at`);
  }
  const found = findElement(view.blocks, actionId, blockId);
  if (!found) throw new Error(`fake-slack: view ${viewId} has no element ${blockId ?? '*'}/${actionId}`);
  const trigger = d.ws.issueTrigger(user.id);
  const payload = {
    type: 'block_actions',
    user: userRef(d.ws, user.id),
    api_app_id: d.ws.bot.appId,
    token: d.verificationToken,
    container: { type: 'view', view_id: view.id },
    trigger_id: trigger.id,
    team: teamRef(d.ws),
    enterprise: null,
    is_enterprise_install: false,
    view: viewObject(d.ws, view),
    actions: [action(d, found, choose(found))],
  };
  return { ...(await send(d, payload)), triggerId: trigger.id };
}

function action(d: Driver, found: FoundElement, chosen: Record<string, unknown>): Record<string, unknown> {
  return {
    type: found.type,
    action_id: found.actionId,
    block_id: found.blockId,
    ...chosen,
    action_ts: `${Math.floor(d.ws.now() / 1000)}.${String(d.ws.now() % 1000).padStart(6, '0')}`,
  };
}

function send(d: Driver, payload: Record<string, unknown>): Promise<AppResponse> {
  if (!d.interactivity) throw new Error('fake-slack: interactivity is not enabled in the manifest');
  return d.app.sendForm('block_actions', { payload: JSON.stringify(payload) });
}
