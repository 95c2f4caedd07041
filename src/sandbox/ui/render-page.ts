/**
 * The sandbox page: a sidebar, the open conversation (or the App Home), a message box and the modal
 * on top. The server renders every part; the browser script swaps parts in as the workspace changes.
 */
import type { MessageState, SandboxState } from '../api/read-state.js';
import type { Workspace } from 'slack-emulator';
import { emojiChar, quickReactions } from './emoji.js';
import { attrs, esc } from './html.js';
import { blocksHtml } from './render-blocks.js';
import { icons } from './icons.js';
import type { RenderContext } from './render-elements.js';
import { renderMrkdwn, type Directory } from './render-mrkdwn.js';

/** What the page shows in its main pane: a conversation, or the bot's Home tab. */
export type Place = { kind: 'conversation'; id: string } | { kind: 'home' };

export const placeParam = (place: Place): string => (place.kind === 'home' ? 'home' : place.id);

export const pageHref = (as: string, place: Place | string): string =>
  `/sandbox?as=${encodeURIComponent(as)}&c=${encodeURIComponent(typeof place === 'string' ? place : placeParam(place))}`;

export const renderContext = (ws: Workspace, state: SandboxState, idPrefix: string, errors: Record<string, string> = {}): RenderContext => {
  const me = ws.user(state.me.id);
  const dir: Directory = {
    userName: (id) => ws.user(id)?.name,
    channelName: (id) => {
      const c = ws.conversation(id);
      return c?.kind === 'channel' ? c.name : c ? 'direct message' : undefined;
    },
    groupHandle: (id) => ws.userGroup(id)?.handle,
    channelHref: (id) => pageHref(state.me.id, id),
    timeZone: me?.tz ?? 'UTC',
    now: ws.now(),
  };
  const visible = [...ws.conversations.values()].filter((c) => c.kind === 'channel' && !c.isArchived && (!c.isPrivate || c.members.has(state.me.id)));
  return {
    dir,
    people: [...ws.users.values()].filter((u) => !u.isBot).map((u) => ({ id: u.id, label: `${u.realName} (@${u.name})` })),
    conversations: visible.map((c) => ({ id: c.id, label: `#${c.name}`, isChannel: true })).sort((a, b) => a.label.localeCompare(b.label)),
    errors,
    idPrefix,
  };
};

const hue = (id: string): number => [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);

const initials = (name: string): string => name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();

const timeOf = (ts: string, timeZone: string): { short: string; full: string } => {
  const date = new Date(Number(ts.split('.')[0]) * 1000);
  return {
    short: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(date),
    full: new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'medium' }).format(date),
  };
};

const conversationLabel = (c: { kind: string; name: string; isPrivate: boolean }): string => (c.kind === 'channel' ? `${c.isPrivate ? '' : '# '}${c.name}` : c.name);

/** The label with a lock before private channels. */
const conversationTitle = (c: { kind: string; name: string; isPrivate: boolean }): string => `${c.kind === 'channel' && c.isPrivate ? `${icons.lock} ` : ''}${esc(conversationLabel(c))}`;

/* ---------- sidebar ---------- */

type NavConversation = { id: string; kind: string; name: string; isPrivate: boolean; isMember: boolean; latestTs: string | null };

const navItem = (state: SandboxState, place: Place, c: NavConversation, label: string): string => {
  const current = place.kind === 'conversation' && place.id === c.id;
  return `<li><a class="nav-item${current ? ' current' : ''}"${attrs({
    href: pageHref(state.me.id, c.id),
    'aria-current': current ? 'page' : undefined,
    'data-conversation': c.id,
    // Unread marks only for conversations one is in.
    'data-latest': c.isMember ? (c.latestTs ?? '0') : undefined,
  })}><span class="nav-label">${label}</span><span class="unread-dot" aria-hidden="true"></span></a></li>`;
};

export const sidebarHtml = (state: SandboxState, place: Place): string => {
  const homeCurrent = place.kind === 'home';
  const people = state.people
    .map((p) => `<option${attrs({ value: p.id, selected: p.id === state.me.id })}>${esc(`${p.realName} — ${p.title}`)}</option>`)
    .join('');
  const channels = state.channels.map((c) => navItem(state, place, c, conversationTitle(c))).join('');
  const dms = state.dms.map((c) => navItem(state, place, c, esc(c.name))).join('');
  const joinable = state.joinable.map((c) => navItem(state, place, c, conversationTitle(c))).join('');
  return `<div class="workspace-name">Acme <span>sandbox</span></div>
<div class="acting">
  <label for="as-switch">Acting as</label>
  <select id="as-switch" data-act="switch-person">${people}</select>
</div>
<nav aria-label="Conversations">
  <h2 class="nav-heading">Channels</h2>
  <ul class="nav-list" id="channel-list">${channels}</ul>
  <h2 class="nav-heading">Apps</h2>
  <ul class="nav-list"><li><a class="nav-item${homeCurrent ? ' current' : ''}"${attrs({ href: pageHref(state.me.id, 'home'), 'aria-current': homeCurrent ? 'page' : undefined })}><span class="nav-label">${icons.home} incident-bot · Home</span></a></li></ul>
  ${dms ? `<h2 class="nav-heading">Direct messages</h2><ul class="nav-list">${dms}</ul>` : ''}
  ${joinable ? `<h2 class="nav-heading">More channels</h2><ul class="nav-list more">${joinable}</ul>` : ''}
</nav>`;
};

/* ---------- header ---------- */

export const headerHtml = (ws: Workspace, state: SandboxState, place: Place): string => {
  const menu = '<button type="button" class="icon-btn menu-toggle" data-act="toggle-sidebar" aria-label="Show channels" aria-controls="sidebar">☰</button>';
  if (place.kind === 'home') return `${menu}<div class="title"><h1>incident-bot</h1><p class="topic">Home · the bot's own tab</p></div>`;
  const c = state.conversation;
  if (!c) return `${menu}<div class="title"><h1>Nothing open</h1></div>`;
  const pinned = c.pinnedTs.length > 0 ? `<a class="chip" href="#m-${esc(c.pinnedTs[0]!.replace('.', '-'))}">${icons.pin} ${c.pinnedTs.length} pinned</a>` : '';
  const canvases = c.canvases.map((canvas) => `<a class="chip" href="${esc(canvas.url)}" target="_blank" rel="noopener">${icons.file} ${esc(canvas.title)}</a>`).join('');
  return `${menu}<div class="title"><h1>${conversationTitle(c)}</h1>${c.topic ? `<p class="topic">${renderMrkdwn(c.topic, renderContext(ws, state, 'topic').dir)}</p>` : ''}</div><div class="chips">${pinned}${canvases}</div>`;
};

/* ---------- messages ---------- */

const reactionsHtml = (m: MessageState): string =>
  m.reactions.length === 0
    ? ''
    : `<div class="reactions">${m.reactions
        .map(
          (r) =>
            `<button type="button" class="reaction${r.mine ? ' mine' : ''}"${attrs({
              'data-act': r.mine ? 'unreact' : 'react',
              'data-name': r.name,
              'aria-pressed': r.mine ? 'true' : 'false',
              'aria-label': `${r.name}: ${r.count}${r.mine ? ', including you' : ''}`,
              title: `:${r.name}:`,
            })}>${esc(emojiChar(r.name) ?? `:${r.name}:`)} <span>${r.count}</span></button>`,
        )
        .join('')}</div>`;

const menuHtml = (m: MessageState, who: string, time: string): string => {
  const reactions = quickReactions
    .map((name) => {
      const mine = m.reactions.some((r) => r.name === name && r.mine);
      return `<button type="button" class="react-quick${mine ? ' mine' : ''}"${attrs({ 'data-act': mine ? 'unreact' : 'react', 'data-name': name, 'aria-label': `${mine ? 'Remove' : 'React with'} :${name}:`, title: `:${name}:` })}>${emojiChar(name) ?? ''} <span class="react-name">${name.replace(/_/g, ' ')}</span></button>`;
    })
    .join('');
  return `<details class="msg-menu"><summary class="icon-btn"${attrs({ 'aria-label': `Actions for the message from ${who} at ${time}` })}>⋯</summary><div class="menu" role="group" aria-label="Message actions">
<div class="react-row">${reactions}</div>
<button type="button" class="menu-item" data-act="${m.pinned ? 'unpin' : 'pin'}">${m.pinned ? 'Unpin from channel' : 'Pin to channel'}</button>
<button type="button" class="menu-item" data-act="shortcut" data-callback-id="add_to_timeline">Add to incident timeline</button>
${m.mine ? '<button type="button" class="menu-item" data-act="edit">Edit message</button><button type="button" class="menu-item danger" data-act="delete" data-confirm="Delete this message? This can’t be undone.">Delete message</button>' : ''}
</div></details>`;
};

const messageHtml = (m: MessageState, ctx: RenderContext, channelId: string): string => {
  const time = timeOf(m.ts, ctx.dir.timeZone);
  const anchor = `m-${m.ts.replace('.', '-')}`;
  const target = { id: anchor, 'data-surface': 'message', 'data-channel': channelId, 'data-ts': m.ts };
  if (m.subtype && m.subtype !== 'bot_message' && m.subtype !== 'thread_broadcast' && !m.blocks?.length) {
    const actor = m.text.startsWith('<@') ? '' : `<strong>${esc(m.author.isBot ? m.author.name : m.author.realName)}</strong> `;
    return `<div class="msg system"${attrs(target)}><span class="system-text">${actor}${renderMrkdwn(m.text, ctx.dir)}</span> <time${attrs({ title: time.full })}>${time.short}</time></div>`;
  }
  const who = m.author.isBot ? m.author.name : m.author.realName;
  const body = m.blocks && m.blocks.length > 0 ? blocksHtml(m.blocks, { ...ctx, idPrefix: `${ctx.idPrefix}-${anchor}` }) : `<div class="msg-text">${renderMrkdwn(m.text, ctx.dir)}</div>`;
  const files = m.files.length > 0 ? `<div class="files">${m.files.map((f) => `<a class="file" href="${esc(f.url)}" target="_blank" rel="noopener">${icons.file} ${esc(f.title)}</a>`).join('')}</div>` : '';
  const classes = ['msg', m.pinned ? 'pinned' : '', m.ephemeral ? 'ephemeral' : '', m.mine ? 'mine' : ''].filter(Boolean).join(' ');
  return `<article class="${classes}"${attrs({ ...target, 'aria-label': `${who} at ${time.short}${m.ephemeral ? ', only visible to you' : ''}${m.pinned ? ', pinned' : ''}` })}>
${m.pinned ? `<div class="pin-strip">${icons.pin} Pinned</div>` : ''}${m.ephemeral ? `<div class="ephemeral-strip">${icons.eye} Only visible to you</div>` : ''}${m.threadTs ? '<div class="thread-note">↳ reply in thread</div>' : ''}
<div class="msg-row"><div class="avatar" aria-hidden="true" style="background:hsl(${m.author.isBot ? 265 : hue(m.author.id ?? who)} 45% 42%)">${m.author.isBot ? icons.bot : esc(initials(who))}</div>
<div class="msg-main"><div class="msg-head"><strong class="who">${esc(who)}</strong>${m.author.isBot ? '<span class="badge">APP</span>' : ''}<time${attrs({ title: time.full, datetime: new Date(Number(m.ts.split('.')[0]) * 1000).toISOString() })}>${time.short}</time></div>
<div class="msg-body">${body}${m.edited ? ' <span class="edited">(edited)</span>' : ''}</div>${files}${reactionsHtml(m)}</div>
${m.ephemeral ? '' : menuHtml(m, who, time.short)}</div></article>`;
};

export const messagesHtml = (ws: Workspace, state: SandboxState, place: Place): string => {
  if (place.kind === 'home') {
    if (!state.home) return '<p class="empty">Opening the Home tab…</p>';
    return `<section class="home"${attrs({ 'data-surface': 'home', 'data-view-id': state.home.id, 'aria-label': 'incident-bot Home' })}>${blocksHtml(state.home.blocks, renderContext(ws, state, 'home'))}</section>`;
  }
  const c = state.conversation;
  if (!c) return '<p class="empty">Pick a channel.</p>';
  if (state.messages.length === 0) return `<p class="empty">This is the very beginning of ${conversationTitle(c)}.</p>`;
  const ctx = renderContext(ws, state, 'msg');
  return state.messages.map((m) => messageHtml(m, ctx, c.id)).join('\n');
};

/* ---------- message box ---------- */

export const composerHtml = (state: SandboxState, place: Place): string => {
  if (place.kind === 'home') return '';
  const c = state.conversation;
  if (!c) return '';
  if (!c.isMember) {
    return `<div class="join-bar"><p>You are viewing <strong>${conversationTitle(c)}</strong>. Join to post and use its buttons.</p><button type="button" class="btn primary" data-act="join">Join channel</button></div>`;
  }
  const label = c.kind === 'channel' ? `Message #${c.name}` : `Message ${c.name}`;
  return `<form class="composer-form" data-act="send"><label class="visually-hidden" for="composer-input">${esc(label)}</label>
<textarea id="composer-input" rows="1"${attrs({ placeholder: label, 'aria-label': label })}></textarea>
<button type="submit" class="btn primary send">Send</button></form><p class="composer-hint">Enter to send · Shift+Enter for a new line · try <code>/incident declare Checkout is failing</code> or <code>/incident help</code></p>`;
};

/* ---------- modal ---------- */

export const modalKey = (state: SandboxState): string => (state.modal ? `${state.modal.id}:${state.modal.hash}:${JSON.stringify(state.modal.errors)}` : '');

export const modalHtml = (ws: Workspace, state: SandboxState): string => {
  const modal = state.modal;
  if (!modal) return '';
  const ctx = renderContext(ws, state, `v-${modal.id}`, modal.errors);
  const general = Object.entries(modal.errors).filter(([blockId]) => !modal.blocks.some((b) => typeof b === 'object' && b !== null && (b as { block_id?: unknown }).block_id === blockId));
  return `<div class="modal-backdrop"><form class="modal" novalidate role="dialog" aria-modal="true" aria-labelledby="modal-title"${attrs({ 'data-surface': 'modal', 'data-view-id': modal.id })}>
<header class="modal-head"><h2 id="modal-title">${esc(modal.title)}</h2>${modal.depth > 1 ? `<span class="depth">${modal.depth} open</span>` : ''}<button type="button" class="icon-btn" data-act="close-modal" aria-label="Close">✕</button></header>
<div class="modal-body">${general.map(([blockId, message]) => `<p class="field-error" role="alert">${esc(blockId)}: ${esc(message)}</p>`).join('')}${blocksHtml(modal.blocks, ctx)}</div>
<footer class="modal-foot"><button type="button" class="btn" data-act="close-modal">${esc(modal.close)}</button>${modal.submit ? `<button type="submit" class="btn primary">${esc(modal.submit)}</button>` : ''}</footer>
</form></div>`;
};

/* ---------- the page and its parts ---------- */

export type Fragments = { version: number; title: string; sidebar: string; header: string; messages: string; composerKey: string; composer: string; modalKey: string; modal: string };

const titleOf = (state: SandboxState, place: Place): string =>
  `${place.kind === 'home' ? 'incident-bot Home' : state.conversation ? conversationLabel(state.conversation) : 'Sandbox'} · ${state.me.realName} · Acme sandbox`;

export const renderFragments = (ws: Workspace, state: SandboxState, place: Place): Fragments => ({
  version: state.version,
  title: titleOf(state, place),
  sidebar: sidebarHtml(state, place),
  header: headerHtml(ws, state, place),
  messages: messagesHtml(ws, state, place),
  composerKey: place.kind === 'home' ? 'home' : `${state.conversation?.id}:${state.conversation?.isMember}`,
  composer: composerHtml(state, place),
  modalKey: modalKey(state),
  modal: modalHtml(ws, state),
});

export const renderPage = (ws: Workspace, state: SandboxState, place: Place): string => {
  const f = renderFragments(ws, state, place);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(f.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/sandbox/assets/sandbox.css">
<script type="module" src="/sandbox/assets/sandbox-client.js"></script>
</head>
<body${attrs({ 'data-as': state.me.id, 'data-place': placeParam(place), 'data-version': f.version })}>
<a class="skip-link" href="#composer-input">Skip to the message box</a>
<div class="app">
<aside class="sidebar" id="sidebar" aria-label="Workspace">${f.sidebar}</aside>
<main class="main">
<header class="channel-header" id="channel-header">${f.header}</header>
<div class="messages" id="messages" role="log" aria-live="polite"${attrs({ 'aria-label': place.kind === 'home' ? 'Home' : 'Messages' })}>${f.messages}</div>
<div class="composer" id="composer" data-key="${esc(f.composerKey)}">${f.composer}</div>
</main>
</div>
<div id="modal-root" data-key="${esc(f.modalKey)}">${f.modal}</div>
<div id="toast" class="toast" role="status" aria-live="polite" hidden></div>
</body>
</html>`;
};
