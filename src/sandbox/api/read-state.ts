import type { FakeSlack, Conversation, Message, View, Workspace } from 'slack-emulator';
import { actingPerson, sandboxPersons, type Person } from './acting-person.js';
import type { ChangeTracker, ModalErrors } from './change-tracker.js';
import { HttpError } from './http-io.js';

export type ConversationSummary = {
  id: string;
  /** channel name without '#'; for a DM, the name of the other side */
  name: string;
  kind: Conversation['kind'];
  isPrivate: boolean;
  isMember: boolean;
  topic: string;
  /** ts of the newest message, for unread marks */
  latestTs: string | null;
};

export type FileLink = { id: string; name: string; title: string; url: string };

export type MessageState = {
  ts: string;
  /** set on thread replies (shown flattened, marked as replies) */
  threadTs?: string;
  author: { id: string | null; name: string; realName: string; isBot: boolean };
  text: string;
  blocks: unknown[] | null;
  subtype?: string;
  edited?: { user: string; ts: string };
  pinned: boolean;
  reactions: { name: string; count: number; mine: boolean; users: string[] }[];
  files: FileLink[];
  /** only visible to the person acting */
  ephemeral: boolean;
  /** the acting person wrote it, so may edit or delete it */
  mine: boolean;
};

export type ModalState = {
  id: string;
  callbackId: string;
  hash: string;
  title: string;
  submit: string | null;
  close: string;
  blocks: unknown[];
  /** block_id → message, from the app's last `response_action: errors` */
  errors: ModalErrors;
  /** how many modals are stacked, this one included */
  depth: number;
};

export type HomeState = { id: string; hash: string; blocks: unknown[] };

export type OpenConversation = ConversationSummary & { pinnedTs: string[]; canvases: { id: string; title: string; url: string }[] };

export type SandboxState = {
  version: number;
  me: Person;
  people: Person[];
  /** channels the person is in */
  channels: ConversationSummary[];
  /** public channels they could join */
  joinable: ConversationSummary[];
  /** DMs with the bot (and group DMs they are in) */
  dms: ConversationSummary[];
  /** the conversation asked for with `channel`, if any */
  conversation: OpenConversation | null;
  messages: MessageState[];
  modal: ModalState | null;
  home: HomeState | null;
};

const plainText = (value: unknown, fallback: string): string =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' ? (value as { text: string }).text : fallback;

export const fileUrl = (id: string, as: string): string => `/sandbox/files/${encodeURIComponent(id)}?as=${encodeURIComponent(as)}`;
export const canvasUrl = (id: string, as: string): string => `/sandbox/canvases/${encodeURIComponent(id)}?as=${encodeURIComponent(as)}`;

const summarize = (ws: Workspace, c: Conversation, me: string): ConversationSummary => {
  const latest = ws.messages.get(c.id)?.at(-1)?.ts ?? null;
  const other = c.kind === 'im' ? ws.user(c.imUser === me ? ws.bot.userId : (c.imUser ?? ''))?.name : undefined;
  const groupNames = c.kind === 'mpim' ? [...c.members].filter((m) => m !== me).map((m) => ws.user(m)?.name ?? m).join(', ') : undefined;
  return {
    id: c.id,
    name: other ?? groupNames ?? c.name,
    kind: c.kind,
    isPrivate: c.isPrivate,
    isMember: c.members.has(me),
    topic: c.topic.value,
    latestTs: latest,
  };
};

/** Whether a person may look at a conversation: public channels always, the rest as a member. */
export const canSee = (c: Conversation, me: string): boolean => (c.kind === 'channel' && !c.isPrivate) || c.members.has(me);

export const visibleConversation = (ws: Workspace, channelId: string, me: string): Conversation => {
  const c = ws.conversation(channelId);
  if (!c || !canSee(c, me)) throw new HttpError(404, `no conversation ${channelId} that ${me} can see`);
  return c;
};

const author = (ws: Workspace, m: { user?: string; botId?: string }): MessageState['author'] => {
  if (m.botId !== undefined || m.user === undefined) return { id: ws.bot.userId, name: ws.bot.name, realName: ws.bot.name, isBot: true };
  const user = ws.user(m.user);
  return { id: m.user, name: user?.name ?? m.user, realName: user?.realName ?? m.user, isBot: user?.isBot ?? false };
};

const filesOf = (m: Message, as: string): FileLink[] => {
  const files = m.extra?.['files'];
  if (!Array.isArray(files)) return [];
  return files.flatMap((file: unknown) => {
    if (typeof file !== 'object' || file === null) return [];
    const { id, name, title } = file as Record<string, unknown>;
    if (typeof id !== 'string') return [];
    const fileName = typeof name === 'string' ? name : id;
    return [{ id, name: fileName, title: typeof title === 'string' ? title : fileName, url: fileUrl(id, as) }];
  });
};

const messageState = (ws: Workspace, m: Message, me: string): MessageState => ({
  ts: m.ts,
  ...(m.threadTs !== undefined && m.threadTs !== m.ts ? { threadTs: m.threadTs } : {}),
  author: author(ws, m),
  text: m.text,
  blocks: m.blocks ?? null,
  ...(m.subtype === undefined ? {} : { subtype: m.subtype }),
  ...(m.edited === undefined ? {} : { edited: m.edited }),
  pinned: ws.pin(m.channel, m.ts) !== undefined,
  reactions: [...m.reactions].map(([name, users]) => ({ name, count: users.length, mine: users.includes(me), users: [...users] })),
  files: filesOf(m, me),
  ephemeral: false,
  mine: m.user === me && m.botId === undefined,
});

const modalState = (ws: Workspace, view: View, errors: ModalErrors): ModalState => ({
  id: view.id,
  callbackId: view.callbackId,
  hash: view.hash,
  title: plainText(view.title, 'Modal'),
  submit: view.submit ? plainText(view.submit, 'Submit') : null,
  close: plainText(view.close, 'Cancel'),
  blocks: view.blocks,
  errors,
  depth: ws.modalStacks.get(view.user)?.length ?? 1,
});

const byName = (a: ConversationSummary, b: ConversationSummary) => a.name.localeCompare(b.name);

/** Everything the person acting sees: sidebar, the open conversation, their modal and Home tab. */
export const readState = (slack: FakeSlack, tracker: ChangeTracker, as: string | null, channelId: string | null): SandboxState => {
  const ws = slack.workspace;
  const me = actingPerson(ws, as);
  const all = [...ws.conversations.values()].filter((c) => !c.isArchived);
  const channels = all.filter((c) => c.kind === 'channel' && c.members.has(me.id)).map((c) => summarize(ws, c, me.id)).sort(byName);
  const joinable = all.filter((c) => c.kind === 'channel' && !c.isPrivate && !c.members.has(me.id)).map((c) => summarize(ws, c, me.id)).sort(byName);
  const dms = all.filter((c) => c.kind !== 'channel' && c.members.has(me.id)).map((c) => summarize(ws, c, me.id)).sort(byName);

  let conversation: OpenConversation | null = null;
  let messages: MessageState[] = [];
  if (channelId) {
    const c = visibleConversation(ws, channelId, me.id);
    conversation = {
      ...summarize(ws, c, me.id),
      pinnedTs: ws.pinsIn(c.id).map((pin) => pin.ts),
      canvases: [...ws.canvases.values()].filter((canvas) => canvas.channel === c.id).map((canvas) => ({ id: canvas.id, title: canvas.title, url: canvasUrl(canvas.id, me.id) })),
    };
    const ephemerals: MessageState[] = ws.ephemerals
      .filter((e) => e.user === me.id && e.channel === c.id)
      .map((e) => ({
        ts: e.ts,
        ...(e.threadTs === undefined ? {} : { threadTs: e.threadTs }),
        author: author(ws, {}),
        text: e.text,
        blocks: e.blocks ?? null,
        pinned: false,
        reactions: [],
        files: [],
        ephemeral: true,
        mine: false,
      }));
    messages = [...ws.history(c.id).map((m) => messageState(ws, m, me.id)), ...ephemerals].sort((a, b) => compareTs(a.ts, b.ts));
  }

  const top = ws.topModal(me.id);
  const home = ws.homeView(me.id);
  return {
    version: tracker.version,
    me,
    people: sandboxPersons(),
    channels,
    joinable,
    dms,
    conversation,
    messages,
    modal: top ? modalState(ws, top, tracker.modalErrors(me.id, top.id)) : null,
    home: home ? { id: home.id, hash: home.hash, blocks: home.blocks } : null,
  };
};

/** Slack timestamps compare as numbers; as strings "9.1" would sort after "10.1". */
export const compareTs = (a: string, b: string): number => {
  const [as, au = '0'] = a.split('.');
  const [bs, bu = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(au.padEnd(6, '0')) - Number(bu.padEnd(6, '0'));
};
