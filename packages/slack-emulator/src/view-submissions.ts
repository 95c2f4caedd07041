/**
 * A person submits or closes a modal. The emulator builds `view.state.values` exactly as Slack does for each
 * input element, refuses what the Slack client would refuse (empty required inputs, values not offered) and
 * applies the app's `response_action`.
 */
import type { AppResponse } from './app-client.js';
import { isRecord } from './block-rules.js';
import { chosenValue, findElement, isEmptyChoice } from './block-elements.js';
import { blockIdOf, requireUser, teamRef, type Driver } from './driver.js';
import { buildView } from './methods/views.js';
import { userRef, viewObject } from './shapes.js';
import { validateView } from './view-validation.js';
import type { View } from './workspace.js';

/** `{ [blockId]: { [actionId]: raw value } }`: a string, or a list for multi-selects and checkboxes. */
export type SubmittedValues = Record<string, Record<string, unknown>>;

export type SubmitViewInput = { user: string; viewId: string; values?: SubmittedValues };

export type SubmitViewResult = AppResponse & {
  /** what the person sees afterwards: the modal on top, or undefined when closed */
  openView?: View;
  /** problems with a view the app answered with (response_action update/push); Slack shows an error */
  problems?: string[];
};

export async function submitView(d: Driver, input: SubmitViewInput): Promise<SubmitViewResult> {
  const user = requireUser(d.ws, input.user);
  const view = topModal(d, user.id, input.viewId);
  if (view.submit === undefined || view.submit === null) throw new Error(`fake-slack: view ${view.id} has no submit button`);
  view.state = { values: stateValues(d, view, input.values ?? {}) };
  view.hash = d.ws.newViewHash();
  const trigger = d.ws.issueTrigger(user.id);
  const payload = {
    type: 'view_submission',
    team: teamRef(d.ws),
    user: userRef(d.ws, user.id),
    api_app_id: d.ws.bot.appId,
    token: d.verificationToken,
    trigger_id: trigger.id,
    view: viewObject(d.ws, view),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  const response = await d.app.sendForm('view_submission', { payload: JSON.stringify(payload) });
  const problems = response.status === 200 ? applyResponseAction(d, view, response.body) : [];
  const openView = d.ws.topModal(user.id);
  return { ...response, ...(openView ? { openView } : {}), ...(problems.length > 0 ? { problems } : {}) };
}

export async function closeView(d: Driver, input: { user: string; viewId: string }): Promise<AppResponse | undefined> {
  const user = requireUser(d.ws, input.user);
  const view = topModal(d, user.id, input.viewId);
  d.ws.closeModal(user.id);
  if (!view.notifyOnClose) return undefined;
  const payload = {
    type: 'view_closed',
    team: teamRef(d.ws),
    user: userRef(d.ws, user.id),
    api_app_id: d.ws.bot.appId,
    token: d.verificationToken,
    view: viewObject(d.ws, view),
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
  return d.app.sendForm('view_closed', { payload: JSON.stringify(payload) });
}

function topModal(d: Driver, userId: string, viewId: string): View {
  const view = d.ws.topModal(userId);
  if (!view || view.id !== viewId) throw new Error(`fake-slack: ${userId} is not looking at modal ${viewId}`);
  return view;
}

function stateValues(d: Driver, view: View, values: SubmittedValues): View['state']['values'] {
  for (const [blockId, actions] of Object.entries(values)) {
    for (const actionId of Object.keys(actions)) {
      const found = findElement(view.blocks, actionId, blockId);
      if (!found) throw new Error(`fake-slack: view ${view.id} has no input ${blockId}/${actionId}`);
    }
  }
  const state: View['state']['values'] = {};
  view.blocks.forEach((block, index) => {
    if (!isRecord(block) || block['type'] !== 'input' || !isRecord(block['element'])) return;
    const blockId = blockIdOf(block, index);
    const actionId = String(block['element']['action_id'] ?? `fake-action-${index}`);
    const found = { element: block['element'], blockId, actionId, type: String(block['element']['type']) };
    // What the person did not touch keeps what the app rendered: Slack submits initial values as chosen.
    const given = values[blockId] && actionId in values[blockId] ? values[blockId][actionId] : initialValue(found.element);
    const chosen = chosenValue(d.ws, found, given);
    if (block['optional'] !== true && isEmptyChoice(chosen)) {
      throw new Error(`fake-slack: required input ${blockId}/${actionId} is empty; Slack would not submit`);
    }
    checkLengths(found.element, chosen, `${blockId}/${actionId}`);
    state[blockId] = { [actionId]: { type: found.type, ...chosen } };
  });
  return state;
}

/** The Slack client enforces min_length / max_length of text inputs before submitting. */
function checkLengths(element: Record<string, unknown>, chosen: Record<string, unknown>, where: string): void {
  const value = chosen['value'];
  if (typeof value !== 'string') return;
  const max = element['max_length'];
  const min = element['min_length'];
  if (typeof max === 'number' && value.length > max) throw new Error(`fake-slack: ${where} is longer than ${max}`);
  if (typeof min === 'number' && value.length < min) throw new Error(`fake-slack: ${where} is shorter than ${min}`);
}

function applyResponseAction(d: Driver, view: View, body: unknown): string[] {
  if (!isRecord(body)) {
    d.ws.closeModal(view.user); // an empty 200 closes the current view
    return [];
  }
  const action = body['response_action'];
  if (action === 'errors') return [];
  if (action === 'clear') {
    d.ws.closeModal(view.user, true);
    return [];
  }
  if (action === 'update' || action === 'push') {
    const problem = validateView(body['view'], 'modal');
    if (problem) return problem.messages.length > 0 ? problem.messages : [problem.error];
    const raw = body['view'] as Record<string, unknown>;
    if (action === 'update') {
      d.ws.views.set(view.id, { ...buildView(d.ws, raw, view.user, view), state: { values: {} } });
      return [];
    }
    if ((d.ws.modalStacks.get(view.user)?.length ?? 0) >= 3) return ['push_limit_reached'];
    const pushed = { ...buildView(d.ws, raw, view.user), rootViewId: view.rootViewId, previousViewId: view.id };
    d.ws.views.set(pushed.id, pushed);
    d.ws.pushModal(pushed);
    return [];
  }
  d.ws.closeModal(view.user);
  return [];
}

/** The raw value an untouched element submits: its initial_* field, in the form `chosenValue` takes. */
function initialValue(element: Record<string, unknown>): unknown {
  if (typeof element['initial_value'] === 'string') return element['initial_value'];
  if (isRecord(element['initial_option'])) return element['initial_option']['value'];
  if (Array.isArray(element['initial_options'])) return element['initial_options'].map((o) => (isRecord(o) ? o['value'] : o));
  for (const key of ['initial_user', 'initial_conversation', 'initial_channel', 'initial_date', 'initial_time', 'initial_date_time']) {
    if (element[key] !== undefined) return element[key];
  }
  for (const key of ['initial_users', 'initial_conversations', 'initial_channels']) {
    if (Array.isArray(element[key])) return element[key];
  }
  return undefined;
}
