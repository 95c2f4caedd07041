/** Block elements (buttons, selects, inputs...) and where each may appear, with Slack's documented limits. */
import { checkCount, checkId, checkLength, checkText, isRecord, report, type Problems } from './block-rules.js';

export type ElementPlace = 'actions' | 'accessory' | 'input';

const selects = [
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select',
  'multi_channels_select',
];
const pickers = ['datepicker', 'timepicker', 'datetimepicker', 'checkboxes', 'radio_buttons'];

const allowedIn: Record<ElementPlace, Set<string>> = {
  actions: new Set(['button', 'overflow', 'rich_text_input', 'workflow_button', ...selects, ...pickers]),
  accessory: new Set(['button', 'overflow', 'image', 'workflow_button', ...selects, ...pickers]),
  input: new Set([
    'plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input', 'file_input',
    ...selects, ...pickers,
  ]),
};

export function validateElement(problems: Problems, element: unknown, pointer: string, place: ElementPlace): void {
  if (!isRecord(element)) return report(problems, pointer, 'must be an element object');
  const type = String(element['type']);
  if (!allowedIn[place].has(type)) return report(problems, `${pointer}/type`, `unsupported element type in ${place}: ${type}`);
  if (type !== 'image') checkId(problems, element['action_id'], `${pointer}/action_id`);
  checkText(problems, element['placeholder'], `${pointer}/placeholder`, { max: 150, plainOnly: true });
  if (element['confirm'] !== undefined) validateConfirm(problems, element['confirm'], `${pointer}/confirm`);

  switch (type) {
    case 'button':
      checkText(problems, element['text'], `${pointer}/text`, { max: 75, plainOnly: true, required: true });
      checkLength(problems, element['value'], `${pointer}/value`, 2000);
      checkLength(problems, element['url'], `${pointer}/url`, 3000);
      if (element['style'] !== undefined && !['primary', 'danger'].includes(String(element['style']))) {
        report(problems, `${pointer}/style`, 'must be one of: primary, danger');
      }
      return;
    case 'static_select':
    case 'multi_static_select':
      return validateSelectOptions(problems, element, pointer);
    case 'overflow':
      if (checkCount(problems, element['options'], `${pointer}/options`, 5, 1)) {
        validateOptions(problems, element['options'], `${pointer}/options`, false);
      }
      return;
    case 'checkboxes':
    case 'radio_buttons':
      if (checkCount(problems, element['options'], `${pointer}/options`, 10, 1)) {
        validateOptions(problems, element['options'], `${pointer}/options`, true);
      }
      return;
    case 'plain_text_input':
      checkRange(problems, element['max_length'], `${pointer}/max_length`, 1, 3000);
      checkRange(problems, element['min_length'], `${pointer}/min_length`, 0, 3000);
      checkLength(problems, element['initial_value'], `${pointer}/initial_value`, 3000);
      return;
    case 'image':
      if (element['image_url'] === undefined && element['slack_file'] === undefined) {
        report(problems, pointer, 'missing required field: image_url');
      }
      checkLength(problems, element['image_url'], `${pointer}/image_url`, 3000);
      checkLength(problems, element['alt_text'], `${pointer}/alt_text`, 2000, 1);
      if (element['alt_text'] === undefined) report(problems, pointer, 'missing required field: alt_text');
      return;
    case 'datepicker':
      if (element['initial_date'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element['initial_date']))) {
        report(problems, `${pointer}/initial_date`, 'must be a date in the format YYYY-MM-DD');
      }
      return;
    default:
      return;
  }
}

/** The confirmation dialog object: Slack asks it before sending the action. */
function validateConfirm(problems: Problems, confirm: unknown, pointer: string): void {
  if (!isRecord(confirm)) return report(problems, pointer, 'must be a confirmation dialog object');
  checkText(problems, confirm['title'], `${pointer}/title`, { max: 100, plainOnly: true, required: true });
  checkText(problems, confirm['text'], `${pointer}/text`, { max: 300, required: true });
  checkText(problems, confirm['confirm'], `${pointer}/confirm`, { max: 30, plainOnly: true, required: true });
  checkText(problems, confirm['deny'], `${pointer}/deny`, { max: 30, plainOnly: true, required: true });
  if (confirm['style'] !== undefined && !['primary', 'danger'].includes(String(confirm['style']))) {
    report(problems, `${pointer}/style`, 'must be one of: primary, danger');
  }
}

function validateSelectOptions(problems: Problems, element: Record<string, unknown>, pointer: string): void {
  const { options, option_groups: groups } = element;
  if (options === undefined && groups === undefined) {
    return report(problems, pointer, 'must provide either options or option_groups');
  }
  if (options !== undefined && checkCount(problems, options, `${pointer}/options`, 100, 1)) {
    validateOptions(problems, options, `${pointer}/options`, false);
  }
  if (groups !== undefined && checkCount(problems, groups, `${pointer}/option_groups`, 100, 1)) {
    groups.forEach((group, i) => {
      const at = `${pointer}/option_groups/${i}`;
      if (!isRecord(group)) return report(problems, at, 'must be an option group object');
      checkText(problems, group['label'], `${at}/label`, { max: 75, plainOnly: true, required: true });
      if (checkCount(problems, group['options'], `${at}/options`, 100, 1)) {
        validateOptions(problems, group['options'], `${at}/options`, false);
      }
    });
  }
}

function validateOptions(problems: Problems, options: unknown[], pointer: string, allowMrkdwn: boolean): void {
  const values = new Set<string>();
  options.forEach((option, i) => {
    const at = `${pointer}/${i}`;
    if (!isRecord(option)) return report(problems, at, 'must be an option object');
    checkText(problems, option['text'], `${at}/text`, { max: 75, plainOnly: !allowMrkdwn, required: true });
    if (typeof option['value'] !== 'string') return report(problems, `${at}/value`, 'missing required field: value');
    checkLength(problems, option['value'], `${at}/value`, 75, 1);
    checkText(problems, option['description'], `${at}/description`, { max: 75, plainOnly: !allowMrkdwn });
    checkLength(problems, option['url'], `${at}/url`, 3000);
    if (values.has(option['value'])) report(problems, `${at}/value`, `duplicate option value: ${option['value']}`);
    values.add(option['value']);
  });
}

function checkRange(problems: Problems, value: unknown, pointer: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) return report(problems, pointer, 'must be an integer');
  if (value > max) report(problems, pointer, `must be less than ${max + 1}`);
  if (value < min) report(problems, pointer, `must be more than ${min - 1}`);
}
