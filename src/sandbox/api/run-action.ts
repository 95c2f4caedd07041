import { typedText, type FakeSlack, type SubmittedValues, type View } from 'slack-emulator';
import { actingPerson } from './acting-person.js';
import type { ChangeTracker, ModalErrors } from './change-tracker.js';
import { HttpError } from './http-io.js';
import { actionSchemas, describeIssues, type ActionInput, type ActionName } from './request-schemas.js';

/** What an action did, for the browser: a notice to show when the app failed, inline modal errors. */
export type ActionOutcome = {
  ok: true;
  version: number;
  /** how the app answered the signed request, when there was one */
  appStatus?: number;
  /** something the person should be told, as Slack's client would (e.g. the app did not answer) */
  notice?: string;
  /** the message ts a post or edit produced */
  ts?: string;
  /** for submit: block_id → message; the modal stays open */
  errors?: ModalErrors;
  /** for submit and close: the modal now on top, or null */
  openView?: string | null;
  /** for send: whether the text ran a slash command */
  command?: string;
};

type Deps = { slack: FakeSlack; tracker: ChangeTracker };
type Result = Omit<ActionOutcome, 'ok' | 'version'>;
type Handler<N extends ActionName> = (deps: Deps, input: ActionInput<N>) => Promise<Result>;

/** Slack's client shows a failed interaction as a small warning; the sandbox says what went wrong. */
const answered = (status: number, what: string): Result => ({
  appStatus: status,
  ...(status >= 200 && status < 300 ? {} : { notice: `${what} failed: the app answered HTTP ${status}` }),
});

/** The Slack client checks required fields and lengths before it submits; it says so under the field. */
const clientRefusal = (message: string): ModalErrors | undefined => {
  const required = /required input ([^/\s]+)\/\S+ is empty/.exec(message);
  if (required?.[1]) return { [required[1]]: 'Please complete this required field.' };
  const length = /input ([^/\s]+)\/\S+ is (shorter|longer) than (\d+)/.exec(message) ?? /: ([^/\s]+)\/\S+ is (shorter|longer) than (\d+)/.exec(message);
  if (length?.[1]) return { [length[1]]: length[2] === 'shorter' ? `Use at least ${length[3]} characters.` : `Use at most ${length[3]} characters.` };
  return undefined;
};

/**
 * Required inputs the person left empty, all at once, as the Slack client marks them. Only values the
 * browser sent count; for inputs left out, the emulator uses what the app rendered.
 */
const emptyRequired = (view: View | undefined, values: SubmittedValues): ModalErrors => {
  const errors: ModalErrors = {};
  (view?.blocks ?? []).forEach((block, index) => {
    if (typeof block !== 'object' || block === null) return;
    const b = block as { type?: unknown; optional?: unknown; block_id?: unknown; element?: { action_id?: unknown } };
    if (b.type !== 'input' || b.optional === true) return;
    const blockId = typeof b.block_id === 'string' ? b.block_id : `fake-block-${index}`;
    const actionId = String(b.element?.action_id ?? '');
    const given = values[blockId];
    if (!given || !(actionId in given)) return;
    const value = given[actionId];
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) errors[blockId] = 'Please complete this required field.';
  });
  return errors;
};

const handlers: { [N in ActionName]: Handler<N> } = {
  send: async ({ slack }, input) => {
    const command = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(input.text);
    if (command) {
      const text = typedText(slack.workspace, command[2]?.trim() ?? '', 'command');
      const result = await slack.runSlashCommand({ user: input.as, channel: input.channel, command: command[1]!.toLowerCase(), text });
      return { ...answered(result.status, command[1]!), command: command[1]! };
    }
    const text = typedText(slack.workspace, input.text, 'message');
    const posted = await slack.postMessage({ user: input.as, channel: input.channel, text, ...(input.threadTs ? { threadTs: input.threadTs } : {}) });
    return { ts: posted.ts };
  },
  edit: async ({ slack }, input) => {
    await slack.editMessage({ user: input.as, channel: input.channel, ts: input.ts, text: typedText(slack.workspace, input.text, 'message') });
    return { ts: input.ts };
  },
  delete: async ({ slack }, input) => {
    await slack.deleteMessage({ user: input.as, channel: input.channel, ts: input.ts });
    return {};
  },
  react: async ({ slack }, input) => {
    await slack.addReaction({ user: input.as, channel: input.channel, ts: input.ts, name: input.name });
    return {};
  },
  unreact: async ({ slack }, input) => {
    await slack.removeReaction({ user: input.as, channel: input.channel, ts: input.ts, name: input.name });
    return {};
  },
  pin: async ({ slack }, input) => {
    await slack.pinMessage({ user: input.as, channel: input.channel, ts: input.ts });
    return {};
  },
  unpin: async ({ slack }, input) => {
    await slack.unpinMessage({ user: input.as, channel: input.channel, ts: input.ts });
    return {};
  },
  shortcut: async ({ slack }, input) => {
    const result = await slack.runMessageShortcut({ user: input.as, channel: input.channel, messageTs: input.ts, callbackId: input.callbackId });
    return answered(result.status, 'The shortcut');
  },
  click: async ({ slack }, input) => {
    const element = { actionId: input.actionId, ...(input.blockId ? { blockId: input.blockId } : {}), ...(input.value !== undefined ? { value: input.value } : {}) };
    const result = input.viewId
      ? await slack.clickViewButton({ user: input.as, viewId: input.viewId, ...element })
      : // The page asked the button's confirmation dialog (data-confirm) before it sent the click.
        await slack.clickButton({ user: input.as, channel: input.channel!, messageTs: input.ts!, ...element, confirm: true });
    return answered(result.status, 'The button');
  },
  select: async ({ slack }, input) => {
    const element = { user: input.as, actionId: input.actionId, value: input.value, ...(input.blockId ? { blockId: input.blockId } : {}) };
    const result = input.viewId
      ? await slack.selectOption({ ...element, viewId: input.viewId })
      : await slack.selectOption({ ...element, channel: input.channel!, messageTs: input.ts! });
    return answered(result.status, 'The selection');
  },
  submit: async ({ slack, tracker }, input) => {
    tracker.clearModalErrors(input.as);
    const top = slack.workspace.topModal(input.as);
    const missing = top?.id === input.viewId ? emptyRequired(top, input.values) : {};
    if (Object.keys(missing).length > 0) {
      tracker.setModalErrors(input.as, input.viewId, missing);
      return { errors: missing, openView: input.viewId };
    }
    let result;
    try {
      result = await slack.submitView({ user: input.as, viewId: input.viewId, values: input.values });
    } catch (error) {
      const errors = error instanceof Error ? clientRefusal(error.message) : undefined;
      if (!errors) throw error;
      tracker.setModalErrors(input.as, input.viewId, errors);
      return { errors, openView: input.viewId };
    }
    const body = result.body as { response_action?: unknown; errors?: unknown } | undefined;
    const errors = body?.response_action === 'errors' && typeof body.errors === 'object' && body.errors !== null ? (body.errors as ModalErrors) : undefined;
    if (errors) tracker.setModalErrors(input.as, input.viewId, errors);
    const problems = result.problems?.length ? { notice: `Slack refused the app's answer: ${result.problems.join('; ')}` } : {};
    return { ...answered(result.status, 'Submitting'), ...problems, ...(errors ? { errors } : {}), openView: result.openView?.id ?? null };
  },
  close: async ({ slack, tracker }, input) => {
    tracker.clearModalErrors(input.as);
    await slack.closeView({ user: input.as, viewId: input.viewId });
    return { openView: slack.workspace.topModal(input.as)?.id ?? null };
  },
  'open-home': async ({ slack }, input) => {
    await slack.openAppHome({ user: input.as, tab: input.tab });
    return {};
  },
  join: async ({ slack }, input) => {
    const ws = slack.workspace;
    const channel = ws.conversation(input.channel);
    if (!channel || channel.kind !== 'channel' || channel.isPrivate || channel.isArchived) {
      throw new HttpError(400, `${input.channel} is not a public channel that can be joined`);
    }
    if (channel.members.has(input.as)) return {};
    channel.members.add(input.as);
    // What Slack shows; the bot is not subscribed to member_joined_channel, so no event goes out.
    const joined = ws.addMessage(channel.id, { user: input.as, text: `<@${input.as}> has joined the channel`, subtype: 'channel_join' });
    return { ts: joined.ts };
  },
};

/** Validates the body for the named action, checks who is acting, and does it as that person. */
export const runAction = async (deps: Deps, name: ActionName, body: unknown): Promise<ActionOutcome> => {
  const parsed = actionSchemas[name].safeParse(body);
  if (!parsed.success) throw new HttpError(400, `invalid body for ${name}: ${describeIssues(parsed.error)}`);
  actingPerson(deps.slack.workspace, parsed.data.as);
  const handler = handlers[name] as Handler<typeof name>;
  const result = await handler(deps, parsed.data);
  deps.tracker.bump();
  return { ok: true, version: deps.tracker.version, ...result };
};
