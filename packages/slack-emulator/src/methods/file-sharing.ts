/**
 * The sharing half of files.completeUploadExternal: every channel in `channel_id` / `channels` (a user id
 * means the bot's DM with that user) gets one message carrying all the files, with `initial_comment` as its
 * text (or `blocks` when there is no comment). The bot must be a member of each.
 */
import { validateBlocks } from '../block-validation.js';
import { fail, jsonArg, listArg, stringArg, type ApiResponse, type MethodContext } from '../method-args.js';
import { fileObject, type SlackFile } from '../stored-files.js';
import type { Conversation, Message } from '../workspace.js';
import { visibleConversation } from './visibility.js';

const maxChannels = 100;

type Entry = { id: string; title?: string };

export function shareFiles(ctx: MethodContext, entries: Entry[]): ApiResponse {
  const targets = resolveTargets(ctx);
  if (!Array.isArray(targets)) return targets;
  const initialComment = stringArg(ctx.args, 'initial_comment');
  const blocks = initialComment === undefined ? readBlocks(ctx) : undefined;
  if (blocks && !Array.isArray(blocks)) return blocks;
  const threadTs = stringArg(ctx.args, 'thread_ts');

  const files = entries.map((e) => {
    const file = ctx.ws.files.get(e.id) as SlackFile;
    file.completed = true;
    if (e.title !== undefined) file.title = e.title;
    return file;
  });
  const messages: Message[] = targets.map((target) => {
    const message = ctx.ws.addMessage(target.id, {
      user: ctx.ws.bot.userId,
      botId: ctx.ws.bot.botId,
      text: initialComment ?? '',
      ...(blocks ? { blocks } : {}),
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    for (const file of files) file.shares.push({ channel: target.id, ts: message.ts, ...(threadTs === undefined ? {} : { threadTs }) });
    return message;
  });
  const rendered = () => files.map((f) => fileObject(ctx.ws, f, ctx.baseUrl));
  for (const message of messages) message.extra = { files: rendered(), upload: true, display_as_bot: false };
  return { ok: true, files: rendered() };
}

function resolveTargets(ctx: MethodContext): Conversation[] | ApiResponse {
  const channelId = stringArg(ctx.args, 'channel_id');
  const ids = [...new Set([...(channelId === undefined ? [] : [channelId]), ...listArg(ctx.args, 'channels')])];
  if (ids.length > maxChannels) return fail('channels_limit_exceeded');
  const targets: Conversation[] = [];
  for (const id of ids) {
    const target = resolve(ctx, id);
    if (!target) return fail(id === channelId ? 'channel_not_found' : 'invalid_channel');
    if (!target.members.has(ctx.ws.bot.userId)) return fail('not_in_channel');
    // Not documented for this method; the closest error in its list.
    if (target.isArchived) return fail('posting_to_channel_denied');
    targets.push(target);
  }
  return targets;
}

function resolve(ctx: MethodContext, id: string): Conversation | undefined {
  if (/^[UW]/.test(id) && ctx.ws.user(id) && id !== ctx.ws.bot.userId) return ctx.ws.dmWith(id);
  return visibleConversation(ctx.ws, id);
}

function readBlocks(ctx: MethodContext): unknown[] | ApiResponse | undefined {
  const blocks = jsonArg(ctx.args, 'blocks');
  if (!blocks.present) return undefined;
  if (blocks.malformed || !Array.isArray(blocks.value)) return fail('invalid_blocks');
  const problems = validateBlocks(blocks.value, 'message');
  if (problems.length > 0) return fail('invalid_blocks', { errors: problems });
  return blocks.value;
}
