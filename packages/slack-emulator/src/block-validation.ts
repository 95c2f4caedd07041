/**
 * `validateBlocks(blocks, surface)`: Slack's Block Kit limits as a pure function, used by the fake Web API
 * (chat.postMessage/update/postEphemeral, views.*) and by tests of the bot's Block Kit builders.
 * Returns the problems, empty when Slack would accept the blocks.
 */
import { checkCount, checkId, checkLength, checkText, isRecord, report, type Problems } from './block-rules.js';
import { validateElement } from './element-validation.js';

export type Surface = 'message' | 'modal' | 'home';

export const maxBlocks: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function validateBlocks(blocks: unknown, surface: Surface, pointer = '/blocks'): string[] {
  const problems: Problems = [];
  if (!checkCount(problems, blocks, pointer, maxBlocks[surface])) return problems;
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `${pointer}/${i}`;
    if (!isRecord(block)) return report(problems, at, 'must be a block object');
    const blockId = block['block_id'];
    checkId(problems, blockId, `${at}/block_id`);
    if (typeof blockId === 'string') {
      if (blockIds.has(blockId)) report(problems, `${at}/block_id`, `duplicate block_id: ${blockId}`);
      blockIds.add(blockId);
    }
    validateBlock(problems, block, at, surface);
  });
  return problems;
}

function validateBlock(problems: Problems, block: Record<string, unknown>, at: string, surface: Surface): void {
  const type = String(block['type']);
  switch (type) {
    case 'section':
      return validateSection(problems, block, at);
    case 'header':
      return checkText(problems, block['text'], `${at}/text`, { max: 150, plainOnly: true, required: true });
    case 'context':
      return validateContext(problems, block, at);
    case 'divider':
      return;
    case 'actions':
      return validateActions(problems, block, at);
    case 'input':
      return validateInput(problems, block, at, surface);
    case 'image':
      checkLength(problems, block['image_url'], `${at}/image_url`, 3000);
      if (block['image_url'] === undefined && block['slack_file'] === undefined) {
        report(problems, at, 'missing required field: image_url');
      }
      if (block['alt_text'] === undefined) report(problems, at, 'missing required field: alt_text');
      checkLength(problems, block['alt_text'], `${at}/alt_text`, 2000, 1);
      return checkText(problems, block['title'], `${at}/title`, { max: 2000, plainOnly: true });
    case 'rich_text':
      if (!Array.isArray(block['elements'])) report(problems, `${at}/elements`, 'missing required field: elements');
      return;
    case 'markdown':
      if (typeof block['text'] !== 'string') return report(problems, `${at}/text`, 'missing required field: text');
      return checkLength(problems, block['text'], `${at}/text`, 12000, 1);
    default:
      return report(problems, `${at}/type`, `unsupported block type: ${type}`);
  }
}

function validateSection(problems: Problems, block: Record<string, unknown>, at: string): void {
  if (block['text'] === undefined && block['fields'] === undefined) {
    report(problems, at, 'must provide either text or fields');
  }
  checkText(problems, block['text'], `${at}/text`, { max: 3000 });
  if (block['fields'] !== undefined && checkCount(problems, block['fields'], `${at}/fields`, 10, 1)) {
    block['fields'].forEach((field, i) => checkText(problems, field, `${at}/fields/${i}`, { max: 2000, required: true }));
  }
  if (block['accessory'] !== undefined) validateElement(problems, block['accessory'], `${at}/accessory`, 'accessory');
}

function validateContext(problems: Problems, block: Record<string, unknown>, at: string): void {
  if (!checkCount(problems, block['elements'], `${at}/elements`, 10, 1)) return;
  block['elements'].forEach((element, i) => {
    const pointer = `${at}/elements/${i}`;
    if (isRecord(element) && element['type'] === 'image') return validateElement(problems, element, pointer, 'accessory');
    checkText(problems, element, pointer, { max: 3000, required: true });
  });
}

function validateActions(problems: Problems, block: Record<string, unknown>, at: string): void {
  if (!checkCount(problems, block['elements'], `${at}/elements`, 25, 1)) return;
  const actionIds = new Set<string>();
  block['elements'].forEach((element, i) => {
    const pointer = `${at}/elements/${i}`;
    validateElement(problems, element, pointer, 'actions');
    const actionId = isRecord(element) ? element['action_id'] : undefined;
    if (typeof actionId !== 'string') return;
    if (actionIds.has(actionId)) report(problems, `${pointer}/action_id`, `duplicate action_id: ${actionId}`);
    actionIds.add(actionId);
  });
}

function validateInput(problems: Problems, block: Record<string, unknown>, at: string, surface: Surface): void {
  if (surface !== 'modal') report(problems, `${at}/type`, `input blocks are only supported in modals, not in a ${surface}`);
  checkText(problems, block['label'], `${at}/label`, { max: 2000, plainOnly: true, required: true });
  checkText(problems, block['hint'], `${at}/hint`, { max: 2000, plainOnly: true });
  if (block['element'] === undefined) return report(problems, at, 'missing required field: element');
  validateElement(problems, block['element'], `${at}/element`, 'input');
}
