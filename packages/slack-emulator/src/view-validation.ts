/** Validation of a `view` argument (views.open/push/update/publish) with Slack's modal and Home tab limits. */
import { checkLength, checkText, isRecord, report, type Problems } from './block-rules.js';
import { validateBlocks } from './block-validation.js';
import type { ViewType } from './workspace.js';

export type ViewProblem = { error: 'invalid_arguments' | 'view_too_large'; messages: string[] };

const maxViewBytes = 250 * 1024; // "view_too_large: the provided view is greater than 250kb"

export function validateView(view: unknown, expected: ViewType): ViewProblem | null {
  if (!isRecord(view)) return { error: 'invalid_arguments', messages: ['[ERROR] must be a view object [json-pointer:/view]'] };
  if (Buffer.byteLength(JSON.stringify(view)) > maxViewBytes) return { error: 'view_too_large', messages: [] };
  const problems: Problems = [];
  if (view['type'] !== expected) report(problems, '/view/type', `must be ${expected}`);
  if (expected === 'modal') {
    if (view['title'] === undefined) report(problems, '/view', 'missing required field: title');
    checkText(problems, view['title'], '/view/title', { max: 24, plainOnly: true });
    checkText(problems, view['submit'], '/view/submit', { max: 24, plainOnly: true });
    checkText(problems, view['close'], '/view/close', { max: 24, plainOnly: true });
    const blocks = Array.isArray(view['blocks']) ? view['blocks'] : [];
    if (view['submit'] === undefined && blocks.some((b) => isRecord(b) && b['type'] === 'input')) {
      report(problems, '/view/submit', 'submit is required when an input block is present');
    }
  }
  checkLength(problems, view['callback_id'], '/view/callback_id', 255);
  checkLength(problems, view['private_metadata'], '/view/private_metadata', 3000);
  checkLength(problems, view['external_id'], '/view/external_id', 255);
  if (view['blocks'] === undefined) report(problems, '/view', 'missing required field: blocks');
  else problems.push(...validateBlocks(view['blocks'], expected, '/view/blocks'));
  return problems.length === 0 ? null : { error: 'invalid_arguments', messages: problems.map((p) => `[ERROR] ${p}`) };
}
