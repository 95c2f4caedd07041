/** views.open, views.push, views.update and views.publish, with trigger_id exchange and view limits. */
import { fail, invalidArguments, jsonArg, stringArg, type ApiResponse, type MethodContext, type MethodHandler } from '../method-args.js';
import { viewObject } from '../shapes.js';
import { validateView } from '../view-validation.js';
import type { Trigger, View, ViewType, Workspace } from '../workspace.js';

/** "A trigger_id must be used within 3 s." */
export const triggerLifetimeMs = 3000;
const maxModalStack = 3;

type RawView = Record<string, unknown>;

function readView(ctx: MethodContext, type: ViewType): RawView | ApiResponse {
  const parsed = jsonArg(ctx.args, 'view');
  if (parsed.malformed) return invalidArguments(['[ERROR] failed to parse view: not valid JSON [json-pointer:/view]']);
  const problem = validateView(parsed.value, type);
  if (problem) return problem.error === 'view_too_large' ? fail('view_too_large') : invalidArguments(problem.messages);
  return parsed.value as RawView;
}

function exchangeTrigger(ctx: MethodContext): Trigger | ApiResponse {
  const id = stringArg(ctx.args, 'trigger_id') ?? stringArg(ctx.args, 'interactivity_pointer');
  if (id === undefined) return invalidArguments(['[ERROR] missing required field: trigger_id']);
  const trigger = ctx.ws.triggers.get(id);
  if (!trigger) return fail('invalid_trigger_id');
  if (trigger.used) return fail('exchanged_trigger_id');
  if (ctx.ws.now() - trigger.issuedAt > triggerLifetimeMs) return fail('expired_trigger_id');
  trigger.used = true;
  return trigger;
}

function isFailure(value: object): value is ApiResponse {
  return 'ok' in value && (value as ApiResponse).ok === false;
}

export function buildView(ws: Workspace, raw: RawView, user: string, existing?: View): View {
  const id = existing?.id ?? ws.newId('V');
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '');
  return {
    id,
    type: raw['type'] === 'home' ? 'home' : 'modal',
    user,
    callbackId: text('callback_id'),
    privateMetadata: text('private_metadata'),
    externalId: typeof raw['external_id'] === 'string' ? raw['external_id'] : (existing?.externalId ?? ''),
    title: raw['title'],
    submit: raw['submit'],
    close: raw['close'],
    blocks: Array.isArray(raw['blocks']) ? raw['blocks'] : [],
    state: existing?.state ?? { values: {} },
    hash: ws.newViewHash(),
    rootViewId: existing?.rootViewId ?? id,
    previousViewId: existing?.previousViewId ?? null,
    clearOnClose: raw['clear_on_close'] === true,
    notifyOnClose: raw['notify_on_close'] === true,
  };
}

function externalIdTaken(ws: Workspace, raw: RawView, except?: View): boolean {
  const externalId = typeof raw['external_id'] === 'string' ? raw['external_id'] : '';
  const owner = externalId === '' ? undefined : ws.viewByExternalId(externalId);
  return owner !== undefined && owner.id !== except?.id;
}

function saved(ctx: MethodContext, view: View): ApiResponse {
  ctx.ws.views.set(view.id, view);
  return { ok: true, view: viewObject(ctx.ws, view) };
}

const open: MethodHandler = (ctx) => {
  const raw = readView(ctx, 'modal');
  if (isFailure(raw)) return raw;
  if (externalIdTaken(ctx.ws, raw)) return fail('duplicate_external_id');
  const trigger = exchangeTrigger(ctx);
  if (isFailure(trigger)) return trigger;
  ctx.ws.closeModal(trigger.user, true); // a new modal replaces whatever the user had open
  const view = buildView(ctx.ws, raw, trigger.user);
  ctx.ws.pushModal(view);
  return saved(ctx, view);
};

const push: MethodHandler = (ctx) => {
  const raw = readView(ctx, 'modal');
  if (isFailure(raw)) return raw;
  if (externalIdTaken(ctx.ws, raw)) return fail('duplicate_external_id');
  const trigger = exchangeTrigger(ctx);
  if (isFailure(trigger)) return trigger;
  const top = ctx.ws.topModal(trigger.user);
  if (!top) return fail('not_found');
  if ((ctx.ws.modalStacks.get(trigger.user)?.length ?? 0) >= maxModalStack) return fail('push_limit_reached');
  const view = { ...buildView(ctx.ws, raw, trigger.user), rootViewId: top.rootViewId, previousViewId: top.id };
  ctx.ws.pushModal(view);
  return saved(ctx, view);
};

const update: MethodHandler = (ctx) => {
  const viewId = stringArg(ctx.args, 'view_id');
  const externalId = stringArg(ctx.args, 'external_id');
  if (viewId === undefined && externalId === undefined) {
    return invalidArguments(['[ERROR] missing required field: view_id or external_id']);
  }
  const existing = viewId !== undefined ? ctx.ws.view(viewId) : ctx.ws.viewByExternalId(externalId ?? '');
  if (!existing) return fail('not_found');
  const raw = readView(ctx, existing.type);
  if (isFailure(raw)) return raw;
  const hash = stringArg(ctx.args, 'hash');
  if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  if (externalIdTaken(ctx.ws, raw, existing)) return fail('duplicate_external_id');
  return saved(ctx, buildView(ctx.ws, raw, existing.user, existing));
};

const publish: MethodHandler = (ctx) => {
  const userId = stringArg(ctx.args, 'user_id') ?? '';
  const user = ctx.ws.user(userId);
  if (!user || user.isBot) return invalidArguments(['invalid `user_id`']);
  const raw = readView(ctx, 'home');
  if (isFailure(raw)) return raw;
  const existing = ctx.ws.homeView(userId);
  const hash = stringArg(ctx.args, 'hash');
  if (hash !== undefined && existing && hash !== existing.hash) return fail('hash_conflict');
  if (externalIdTaken(ctx.ws, raw, existing)) return fail('duplicate_external_id');
  const view = buildView(ctx.ws, raw, userId, existing);
  ctx.ws.homeViews.set(userId, view.id);
  return saved(ctx, view);
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
