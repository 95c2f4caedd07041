/**
 * Shared helpers for Block Kit validation. Problems read like Slack's own `invalid_blocks` messages:
 * "<what is wrong> [json-pointer:/blocks/0/text/text]".
 */

export type Problems = string[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function report(problems: Problems, pointer: string, message: string): void {
  problems.push(`${message} [json-pointer:${pointer}]`);
}

export function checkLength(problems: Problems, value: unknown, pointer: string, max: number, min = 0): void {
  if (value === undefined) return;
  if (typeof value !== 'string') return report(problems, pointer, 'must be a string');
  if (value.length > max) report(problems, pointer, `must be less than ${max + 1} characters`);
  if (value.length < min) report(problems, pointer, `must be more than ${min - 1} characters`);
}

export function checkCount(problems: Problems, value: unknown, pointer: string, max: number, min = 0): value is unknown[] {
  if (!Array.isArray(value)) {
    report(problems, pointer, 'must be an array');
    return false;
  }
  if (value.length > max) report(problems, pointer, `no more than ${max} items allowed`);
  if (value.length < min) report(problems, pointer, `must provide at least ${min} items`);
  return true;
}

export type TextRule = { max: number; min?: number; plainOnly?: boolean; required?: boolean };

/** A composition text object: `{ type: 'plain_text' | 'mrkdwn', text }`. */
export function checkText(problems: Problems, value: unknown, pointer: string, rule: TextRule): void {
  if (value === undefined) {
    if (rule.required) report(problems, pointer, 'missing required field');
    return;
  }
  if (!isRecord(value)) return report(problems, pointer, 'must be a text object');
  const allowed = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (!allowed.includes(String(value['type']))) {
    report(problems, `${pointer}/type`, `must be one of: ${allowed.join(', ')}`);
  }
  if (typeof value['text'] !== 'string') return report(problems, `${pointer}/text`, 'missing required field: text');
  checkLength(problems, value['text'], `${pointer}/text`, rule.max, rule.min ?? 1);
}

export function checkId(problems: Problems, value: unknown, pointer: string): void {
  checkLength(problems, value, pointer, 255, 1);
}
