/** The text/blocks of a chat.* call (or a response_url post) checked the way Slack checks them. */
import { validateBlocks } from '../block-validation.js';
import { fail, jsonArg, stringArg, type ApiResponse, type Args } from '../method-args.js';

export type MessageContent = { text?: string; blocks?: unknown[] };

export function readMessageContent(args: Args): MessageContent | ApiResponse {
  const markdown = stringArg(args, 'markdown_text');
  const text = stringArg(args, 'text');
  const blocks = jsonArg(args, 'blocks');
  if (markdown !== undefined && (text !== undefined || blocks.present)) return fail('markdown_text_conflict');
  if (blocks.malformed || (blocks.present && !Array.isArray(blocks.value))) return fail('invalid_blocks_format');
  const attachments = jsonArg(args, 'attachments');
  if (text === undefined && markdown === undefined && !blocks.present && !attachments.present) return fail('no_text');
  const blockList = Array.isArray(blocks.value) ? blocks.value : undefined;
  if (blockList) {
    const problems = validateBlocks(blockList, 'message');
    if (problems.length > 0) {
      return fail('invalid_blocks', { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
    }
  }
  return {
    ...(text !== undefined || markdown !== undefined ? { text: text ?? markdown } : {}),
    ...(blockList ? { blocks: blockList } : {}),
  };
}

export function isFailure(value: MessageContent | ApiResponse): value is ApiResponse {
  return 'ok' in value && value.ok === false;
}
