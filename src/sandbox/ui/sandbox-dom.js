// The sandbox page's DOM helpers: where an element lives, what a control's value is, menus, toasts.
// Plain ES module, no build step; imported by sandbox-client.js.

export const $ = (selector, root = document) => root.querySelector(selector);

let toastTimer;
export function toast(message, kind = 'info') {
  const box = $('#toast');
  box.textContent = message;
  box.className = `toast ${kind}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), kind === 'error' ? 8000 : 5000);
}

/** Where an element lives: a message (channel + ts) or a view (modal or Home tab). */
export function targetOf(element) {
  const surface = element.closest('[data-surface]');
  if (!surface) return {};
  if (surface.dataset.surface === 'message') return { channel: surface.dataset.channel, ts: surface.dataset.ts };
  return { viewId: surface.dataset.viewId };
}

export function elementIds(element) {
  return {
    actionId: element.dataset.actionId,
    ...(element.dataset.blockId ? { blockId: element.dataset.blockId } : {}),
  };
}

export const secondsOf = (value) => (value ? Math.floor(new Date(value).getTime() / 1000) : null);

/** The value Slack reports for a control: an option value, a list of them, a date, or seconds. */
export function valueOf(control) {
  const kind = control.dataset.kind ?? '';
  if (control.classList.contains('choices')) {
    const checked = [...control.querySelectorAll('input:checked')].map((input) => input.value);
    return kind === 'radio_buttons' ? (checked[0] ?? null) : checked;
  }
  if (control.tagName === 'SELECT' && control.multiple) return [...control.selectedOptions].map((option) => option.value);
  if (kind === 'datetimepicker') return secondsOf(control.value);
  return control.value === '' ? null : control.value;
}

export async function busy(button, work) {
  if (button) button.disabled = true;
  try {
    return await work();
  } finally {
    if (button?.isConnected) button.disabled = false;
  }
}

export const closeMenus = (except) => {
  for (const open of document.querySelectorAll('details.msg-menu[open], details.overflow[open]')) if (open !== except) open.removeAttribute('open');
};

/**
 * A menu opens downwards unless that would run past the bottom of the scrolling list (the last
 * messages sit right above the message box) and there is more room above: then it opens upwards.
 */
export const placeMenu = (details) => {
  const menu = details.querySelector(':scope > .menu');
  const list = details.closest('.messages, .modal-body') ?? document.documentElement;
  if (!menu) return;
  details.classList.remove('menu-up');
  const bounds = list.getBoundingClientRect();
  const room = { below: bounds.bottom - details.getBoundingClientRect().bottom, above: details.getBoundingClientRect().top - bounds.top };
  if (menu.getBoundingClientRect().bottom > bounds.bottom && room.above > room.below) details.classList.add('menu-up');
};

export const watchMenus = () => document.addEventListener('toggle', (event) => {
  if (!event.target.matches?.('details[open]')) return;
  closeMenus(event.target);
  placeMenu(event.target);
}, true);

export function autosize(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
}
