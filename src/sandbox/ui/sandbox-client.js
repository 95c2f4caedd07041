// The sandbox page's script: sends what the person does to /sandbox/api/<action>, polls a version
// number, and swaps in the parts of the page the server re-renders. Plain ES module, no build step.

const body = document.body;
const as = body.dataset.as ?? '';
const place = body.dataset.place ?? '';
let version = Number(body.dataset.version ?? 0);
const last = { sidebar: '', header: '', messages: '' };
let pendingMessages = null;
let editing = false;


import { $, autosize, busy, closeMenus, elementIds, targetOf, toast, valueOf, watchMenus } from './sandbox-dom.js';
import { onClick } from './sandbox-clicks.js';

/* ---------- talking to the server ---------- */


async function post(action, payload) {
  let response;
  try {
    response = await fetch(`/sandbox/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as, ...payload }),
    });
  } catch {
    toast('The sandbox is not answering. Is it still running?', 'error');
    return null;
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    toast(data.error ?? `Failed (HTTP ${response.status})`, 'error');
    await refresh();
    return null;
  }
  if (data.notice) toast(data.notice, 'error');
  await refresh();
  return data;
}

let loading = null;
let loadAgain = false;
function refresh() {
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = (async () => {
    do {
      loadAgain = false;
      await load();
    } while (loadAgain);
  })().finally(() => (loading = null));
  return loading;
}

async function load() {
  const response = await fetch(`/sandbox/ui/fragments?as=${encodeURIComponent(as)}&c=${encodeURIComponent(place)}`).catch(() => null);
  if (!response) return;
  if (response.status === 404) {
    // The conversation is gone or no longer visible (e.g. archived): go back to #general.
    location.href = `/sandbox?as=${encodeURIComponent(as)}`;
    return;
  }
  if (!response.ok) return;
  apply(await response.json());
}

/* ---------- swapping parts of the page ---------- */

function apply(f) {
  version = f.version;
  document.title = f.title;
  if (f.sidebar !== last.sidebar) {
    $('#sidebar').innerHTML = f.sidebar;
    last.sidebar = f.sidebar;
  }
  if (f.header !== last.header) {
    $('#channel-header').innerHTML = f.header;
    last.header = f.header;
  }
  swapMessages(f.messages);
  const composer = $('#composer');
  if (composer.dataset.key !== f.composerKey) {
    composer.innerHTML = f.composer;
    composer.dataset.key = f.composerKey;
  }
  const modalRoot = $('#modal-root');
  if (modalRoot.dataset.key !== f.modalKey) {
    const before = modalRoot.dataset.key.split(':')[0];
    modalRoot.innerHTML = f.modal;
    modalRoot.dataset.key = f.modalKey;
    prepare(modalRoot);
    focusModal(before !== f.modalKey.split(':')[0]);
  }
  markUnread();
}

/** Waits while the person is using a control in the list, so a re-render does not take it away. */
function busyInMessages() {
  const active = document.activeElement;
  return editing || (active && $('#messages').contains(active) && active.matches('select, input, textarea'));
}

function swapMessages(html) {
  if (html === last.messages) return;
  if (busyInMessages()) {
    pendingMessages = html;
    return;
  }
  pendingMessages = null;
  const list = $('#messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  const openMenus = [...list.querySelectorAll('details[open]')].map((d) => d.closest('[id]')?.id).filter(Boolean);
  const scrollTop = list.scrollTop;
  list.innerHTML = html;
  last.messages = html;
  for (const id of openMenus) document.getElementById(id)?.querySelector('details')?.setAttribute('open', '');
  prepare(list);
  list.scrollTop = atBottom ? list.scrollHeight : scrollTop;
}

document.addEventListener('focusout', () => {
  setTimeout(() => {
    if (pendingMessages !== null && !busyInMessages()) swapMessages(pendingMessages);
  }, 0);
});

/** datetimepickers carry Unix seconds; the browser shows them in its own time zone. */
function prepare(root) {
  for (const input of root.querySelectorAll('input[data-initial-seconds]')) {
    if (input.value) continue;
    const date = new Date(Number(input.dataset.initialSeconds) * 1000);
    const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    input.value = local.toISOString().slice(0, 16);
  }
}

function focusModal(isNew) {
  const modal = $('#modal-root .modal');
  if (!modal) {
    $('#composer-input')?.focus();
    return;
  }
  const target = modal.querySelector('[aria-invalid="true"]') ?? (isNew ? modal.querySelector('[data-input]:not(.choices), .choices input') : null);
  target?.focus();
}

/* ---------- unread marks ---------- */

const seenKey = `sandbox-seen:${as}`;
const seen = JSON.parse(sessionStorage.getItem(seenKey) ?? 'null') ?? {};
const firstVisit = Object.keys(seen).length === 0;
const tsNumber = (ts) => Number(ts ?? 0);

function markUnread() {
  for (const link of document.querySelectorAll('.nav-item[data-conversation]')) {
    const id = link.dataset.conversation;
    const latest = link.dataset.latest ?? '0';
    if (id === place || (firstVisit && !(id in seen) && !markUnread.ran)) seen[id] = latest;
    else if (!(id in seen)) seen[id] = '0';
    link.classList.toggle('unread', tsNumber(latest) > tsNumber(seen[id]));
  }
  markUnread.ran = true;
  sessionStorage.setItem(seenKey, JSON.stringify(seen));
}

/* ---------- what the person does ---------- */





document.addEventListener('change', async (event) => {
  const control = event.target.closest('[data-act="select"], [data-act="switch-person"], [data-dispatch="true"]');
  if (!control) return;
  if (control.dataset.act === 'switch-person') {
    location.href = `/sandbox?as=${encodeURIComponent(control.value)}&c=${encodeURIComponent(place)}`;
    return;
  }
  if (control.tagName === 'SELECT' && control.multiple && control.dataset.act === 'select') return; // applied with its button
  const value = valueOf(control);
  if (value === null) return;
  await post('select', { ...targetOf(control), ...elementIds(control), value });
});

document.addEventListener('submit', async (event) => {
  const form = event.target;
  event.preventDefault();
  if (form.matches('.modal')) {
    const values = {};
    for (const control of form.querySelectorAll('[data-input]')) {
      const blockId = control.dataset.blockId;
      values[blockId] = { ...(values[blockId] ?? {}), [control.dataset.actionId]: valueOf(control) };
    }
    const submit = form.querySelector('button[type="submit"]');
    await busy(submit, () => post('submit', { viewId: form.dataset.viewId, values }));
  } else if (form.matches('.composer-form')) {
    const input = form.querySelector('textarea');
    const text = input.value.trim();
    if (!text) return;
    const sent = await busy(form.querySelector('button'), () => post('send', { channel: place, text }));
    if (sent) {
      input.value = '';
      autosize(input);
      const list = $('#messages');
      list.scrollTop = list.scrollHeight;
    }
    input.focus();
  } else if (form.matches('.edit-form')) {
    const message = form.closest('[data-surface="message"]');
    const text = form.querySelector('textarea').value.trim();
    editing = false;
    if (text) await post('edit', { channel: message.dataset.channel, ts: message.dataset.ts, text });
    else await refresh();
  }
});

function startEdit(message) {
  const bodyBox = message.querySelector('.msg-body');
  const current = bodyBox.querySelector('.b-rich')?.innerText ?? bodyBox.innerText;
  editing = true;
  bodyBox.innerHTML = '<form class="edit-form"><label class="visually-hidden" for="edit-input">Edit message</label><textarea id="edit-input"></textarea><div class="row"><button type="button" class="btn small" data-act="cancel-edit">Cancel</button><button type="submit" class="btn small primary">Save</button></div></form>';
  const textarea = bodyBox.querySelector('textarea');
  textarea.value = current.replace(/\s*\(edited\)$/, '').trim();
  textarea.focus();
  bodyBox.querySelector('[data-act="cancel-edit"]').addEventListener('click', () => {
    editing = false;
    last.messages = '';
    refresh();
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    const modal = $('#modal-root .modal');
    if (modal) {
      event.preventDefault();
      post('close', { viewId: modal.dataset.viewId });
    } else {
      closeMenus();
      body.classList.remove('sidebar-open');
    }
    return;
  }
  const input = event.target;
  if (input.id === 'composer-input' && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    input.form.requestSubmit();
  }
});

document.addEventListener('input', (event) => {
  if (event.target.id === 'composer-input') autosize(event.target);
});

document.addEventListener('click', onClick({ body, post, startEdit, place }));
watchMenus();

/* ---------- start ---------- */

async function poll() {
  try {
    const response = await fetch('/sandbox/api/version');
    if (response.ok) {
      const { version: now } = await response.json();
      if (now !== version) await refresh();
    }
  } catch {
    // the sandbox stopped; keep trying quietly
  }
  setTimeout(poll, 700);
}

last.sidebar = $('#sidebar').innerHTML;
last.header = $('#channel-header').innerHTML;
last.messages = $('#messages').innerHTML;
prepare(document);
markUnread();
const list = $('#messages');
if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
else list.scrollTop = list.scrollHeight;
if (place === 'home') post('open-home', { tab: 'home' });
focusModal(true);
setTimeout(poll, 700);
