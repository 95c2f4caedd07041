// What a click on the sandbox page does: each data-act names an action sent to /sandbox/api.
// Plain ES module, no build step; imported by sandbox-client.js.
import { busy, closeMenus, elementIds, targetOf, valueOf } from './sandbox-dom.js';

/** The page's click handler, given what it needs from the page (the server call, editing, where we are). */
export const onClick = ({ body, post, startEdit, place }) => async (event) => {
  const element = event.target.closest('[data-act]');
  if (!element) {
    if (!event.target.closest('details')) closeMenus();
    if (body.classList.contains('sidebar-open') && !event.target.closest('#sidebar')) body.classList.remove('sidebar-open');
    return;
  }
  const act = element.dataset.act;
  if (element.tagName === 'SELECT' || element.tagName === 'INPUT' || element.tagName === 'FORM' || element.classList.contains('choices')) return;
  if (element.dataset.confirm && !window.confirm(element.dataset.confirm)) return;
  const message = element.closest('[data-surface="message"]');
  const onMessage = message ? { channel: message.dataset.channel, ts: message.dataset.ts } : {};
  switch (act) {
    case 'click':
      if (element.dataset.url) window.open(element.dataset.url, '_blank', 'noopener');
      await busy(element, () => post('click', { ...targetOf(element), ...elementIds(element), ...(element.dataset.value !== undefined ? { value: element.dataset.value } : {}) }));
      break;
    case 'select':
      closeMenus();
      await busy(element, () => post('select', { ...targetOf(element), ...elementIds(element), value: element.dataset.value }));
      break;
    case 'apply-multi': {
      const select = element.parentElement.querySelector('select');
      await busy(element, () => post('select', { ...targetOf(element), ...elementIds(select), value: valueOf(select) }));
      break;
    }
    case 'react':
    case 'unreact':
      closeMenus();
      await post(act, { ...onMessage, name: element.dataset.name });
      break;
    case 'pin':
    case 'unpin':
    case 'delete':
      closeMenus();
      await post(act, onMessage);
      break;
    case 'shortcut':
      closeMenus();
      await post('shortcut', { ...onMessage, callbackId: element.dataset.callbackId });
      break;
    case 'edit':
      closeMenus();
      startEdit(message);
      break;
    case 'close-modal': {
      const modal = element.closest('[data-view-id]');
      await busy(element, () => post('close', { viewId: modal.dataset.viewId }));
      break;
    }
    case 'join':
      await busy(element, () => post('join', { channel: place }));
      break;
    case 'toggle-sidebar':
      body.classList.toggle('sidebar-open');
      break;
  }
}
