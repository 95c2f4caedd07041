/**
 * canvases.create. A team without canvases (FakeSlackOptions.canvases: 'disabled') gets
 * `canvas_disabled_user_team`, the only error in the method's reference list that says canvases are off
 * for the caller's team (`free_teams_cannot_*` are about free-plan limits, which the fake does not model).
 */
import { fail, invalidArguments, jsonArg, stringArg, type MethodHandler } from '../method-args.js';
import { visibleConversation } from './visibility.js';

/** "The markdown content is limited to 1 MiB (1,048,576 characters)." */
const maxMarkdown = 1_048_576;

const create: MethodHandler = (ctx) => {
  if (!ctx.ws.canvasesAllowed) return fail('canvas_disabled_user_team');
  const content = jsonArg(ctx.args, 'document_content');
  let markdown = '';
  if (content.present) {
    const value = content.value as Record<string, unknown> | undefined;
    if (content.malformed || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return invalidArguments(['[ERROR] document_content must be an object [json-pointer:/document_content]']);
    }
    if (value['type'] !== 'markdown' || typeof value['markdown'] !== 'string') {
      return invalidArguments(["[ERROR] document_content must be { type: 'markdown', markdown } [json-pointer:/document_content]"]);
    }
    markdown = value['markdown'];
    if (markdown.length > maxMarkdown) return fail('canvas_creation_failed', { detail: 'markdown content is larger than 1 MiB' });
  }
  const channelId = stringArg(ctx.args, 'channel_id');
  // Not in the method's error list; Slack's usual answer for a channel argument it cannot see.
  if (channelId !== undefined && !visibleConversation(ctx.ws, channelId)) return fail('channel_not_found');
  const canvas = ctx.ws.addCanvas({
    title: stringArg(ctx.args, 'title') ?? '',
    markdown,
    ...(channelId === undefined ? {} : { channel: channelId }),
  });
  return { ok: true, canvas_id: canvas.id };
};

export const canvasMethods: Record<string, MethodHandler> = { 'canvases.create': create };
