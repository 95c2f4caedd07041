/**
 * The fake workspace: plain data about users, conversations, messages, pins, reactions, views, ephemeral
 * messages and trigger ids. It applies no Slack permission rules; the Web API handlers and the user-action
 * helpers do that, so a browser sandbox can reuse the same model.
 */
import { seconds } from './ids.js';
import type { Canvas, SlackFile } from './stored-file-types.js';
import type { Conversation, EphemeralMessage, Message, NewChannel, NewMessage, NewUser, NewUserGroup, Pin, Trigger, User, UserGroup, View, WorkspaceOptions } from './workspace-types.js';
import { hex, pinKey, WorkspaceState } from './workspace-state.js';

export { pinKey };

export type * from './workspace-types.js';

export class Workspace extends WorkspaceState {
  constructor(options: WorkspaceOptions = {}) {
    super(options);
    this.addChannel({ name: 'general', members: [] }).isGeneral = true;
  }

  addUser(input: NewUser): User {
    const id = input.id ?? this.newId('U');
    if (this.users.has(id)) throw new Error(`fake-slack: user ${id} already exists`);
    const user: User = {
      id,
      name: input.name,
      realName: input.realName ?? input.name,
      // Seeded people have chosen one already, so names show up the way a reader expects.
      displayName: input.displayName ?? input.name,
      tz: input.tz ?? 'Europe/London',
      tzOffset: 0,
      isBot: input.isBot ?? false,
      ...(input.email === undefined ? {} : { email: input.email }),
      updated: seconds(this.now()),
    };
    this.users.set(id, user);
    this.generalChannel()?.members.add(id); // everyone is in #general
    return user;
  }

  addChannel(input: NewChannel): Conversation {
    if (this.channelByName(input.name)) throw new Error(`fake-slack: channel #${input.name} already exists`);
    const creator = input.creator ?? input.members?.[0] ?? this.bot.userId;
    const members = new Set(input.members ?? []);
    if (input.botIsMember) members.add(this.bot.userId);
    const created = seconds(this.now());
    const channel: Conversation = {
      id: input.id ?? this.newId('C'),
      kind: 'channel',
      name: input.name,
      isPrivate: input.isPrivate ?? false,
      isArchived: false,
      isGeneral: false,
      created,
      creator,
      topic: { value: input.topic ?? '', creator: input.topic ? creator : '', lastSet: input.topic ? created : 0 },
      purpose: { value: '', creator: '', lastSet: 0 },
      members,
    };
    this.conversations.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  addUserGroup(input: NewUserGroup): UserGroup {
    const id = input.id ?? this.newId('S');
    if (!id.startsWith('S')) throw new Error(`fake-slack: user group id ${id} must start with S`);
    if (this.userGroups.has(id)) throw new Error(`fake-slack: user group ${id} already exists`);
    if ([...this.userGroups.values()].some((g) => g.handle === input.handle)) {
      throw new Error(`fake-slack: user group handle @${input.handle} already exists`);
    }
    const unknown = input.users.find((u) => !this.users.has(u));
    if (unknown !== undefined) throw new Error(`fake-slack: no user ${unknown} for user group @${input.handle}`);
    const created = seconds(this.now());
    const group: UserGroup = {
      id,
      handle: input.handle,
      name: input.name ?? input.handle,
      description: input.description ?? '',
      users: [...new Set(input.users)],
      created,
      createdBy: input.createdBy ?? 'USLACKBOT',
      disabledAt: input.disabled ? created : 0,
    };
    this.userGroups.set(id, group);
    return group;
  }

  userGroup(id: string): UserGroup | undefined {
    return this.userGroups.get(id);
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  userByName(name: string): User | undefined {
    return [...this.users.values()].find((u) => u.name === name);
  }

  conversation(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  channelByName(name: string): Conversation | undefined {
    const wanted = name.replace(/^#/, '').toLowerCase();
    return [...this.conversations.values()].find((c) => c.kind === 'channel' && c.name.toLowerCase() === wanted);
  }

  generalChannel(): Conversation | undefined {
    return [...this.conversations.values()].find((c) => c.isGeneral);
  }

  /** The bot's 1:1 DM with a user, created on first use. */
  dmWith(userId: string): Conversation {
    const existing = [...this.conversations.values()].find((c) => c.kind === 'im' && c.imUser === userId);
    if (existing) return existing;
    return this.openDirect({ id: this.newId('D'), kind: 'im', name: userId, members: new Set([this.bot.userId, userId]), imUser: userId });
  }

  /** A multi-person DM of the bot and these users, created on first use. */
  mpimWith(userIds: string[]): Conversation {
    const members = new Set([this.bot.userId, ...userIds]);
    const same = (c: Conversation) => c.members.size === members.size && [...members].every((m) => c.members.has(m));
    const existing = [...this.conversations.values()].find((c) => c.kind === 'mpim' && same(c));
    if (existing) return existing;
    const names = [...members].map((id) => this.user(id)?.name ?? id);
    return this.openDirect({ id: this.newId('G'), kind: 'mpim', name: `mpdm-${names.join('--')}-1`, members });
  }

  /** A new direct conversation (1:1 or multi-person) the bot opened: private, no topic or purpose, empty. */
  private openDirect(direct: Pick<Conversation, 'id' | 'kind' | 'name' | 'members' | 'imUser'>): Conversation {
    const conversation: Conversation = {
      isPrivate: true,
      isArchived: false,
      isGeneral: false,
      created: seconds(this.now()),
      creator: this.bot.userId,
      topic: { value: '', creator: '', lastSet: 0 },
      purpose: { value: '', creator: '', lastSet: 0 },
      ...direct,
    };
    this.conversations.set(conversation.id, conversation);
    this.messages.set(conversation.id, []);
    return conversation;
  }

  isMember(channelId: string, userId: string): boolean {
    return this.conversation(channelId)?.members.has(userId) ?? false;
  }

  addMessage(channelId: string, input: NewMessage): Message {
    const list = this.messages.get(channelId);
    if (!list) throw new Error(`fake-slack: no conversation ${channelId}`);
    const message: Message = {
      type: 'message',
      channel: channelId,
      ts: this.nextTs(),
      text: input.text,
      reactions: new Map(),
      ...(input.user === undefined ? {} : { user: input.user }),
      ...(input.botId === undefined ? {} : { botId: input.botId }),
      ...(input.blocks === undefined ? {} : { blocks: input.blocks }),
      ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
      ...(input.subtype === undefined ? {} : { subtype: input.subtype }),
      ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
      ...(input.extra === undefined ? {} : { extra: input.extra }),
    };
    list.push(message);
    return message;
  }

  message(channelId: string, ts: string): Message | undefined {
    return this.messages.get(channelId)?.find((m) => m.ts === ts);
  }

  removeMessage(channelId: string, ts: string): Message | undefined {
    const list = this.messages.get(channelId);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return undefined;
    this.pins.delete(pinKey(channelId, ts));
    return list.splice(index, 1)[0];
  }

  /** Messages of a conversation, oldest first. */
  history(channelId: string): Message[] {
    return [...(this.messages.get(channelId) ?? [])];
  }

  addEphemeral(input: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const ephemeral = { ...input, ts: this.nextTs() };
    this.ephemerals.push(ephemeral);
    return ephemeral;
  }

  pin(channelId: string, ts: string): Pin | undefined {
    return this.pins.get(pinKey(channelId, ts));
  }

  addPin(channelId: string, ts: string, by: string): Pin {
    const pin = { channel: channelId, ts, pinnedBy: by, pinnedAt: seconds(this.now()) };
    this.pins.set(pinKey(channelId, ts), pin);
    return pin;
  }

  removePin(channelId: string, ts: string): boolean {
    return this.pins.delete(pinKey(channelId, ts));
  }

  pinsIn(channelId: string): Pin[] {
    return [...this.pins.values()].filter((p) => p.channel === channelId);
  }

  /** Slack's trigger_id format is "<digits>.<digits>.<hex>". */
  issueTrigger(userId: string): Trigger {
    this.triggerCount += 1;
    const id = `${this.triggerCount}${seconds(this.now())}.${this.teamId.length}${this.triggerCount}.${hex(this.triggerCount)}`;
    const trigger = { id, user: userId, issuedAt: this.now(), used: false };
    this.triggers.set(id, trigger);
    return trigger;
  }

  view(id: string): View | undefined {
    return this.views.get(id);
  }

  viewByExternalId(externalId: string): View | undefined {
    return [...this.views.values()].find((v) => v.externalId !== '' && v.externalId === externalId);
  }

  newViewHash(): string {
    return `${seconds(this.now())}.${hex(this.views.size + this.triggerCount + Math.floor(this.now() % 1e6))}`;
  }

  /** The modal the user is looking at, if any. */
  topModal(userId: string): View | undefined {
    const stack = this.modalStacks.get(userId) ?? [];
    const top = stack[stack.length - 1];
    return top === undefined ? undefined : this.views.get(top);
  }

  pushModal(view: View): void {
    const stack = this.modalStacks.get(view.user) ?? [];
    stack.push(view.id);
    this.modalStacks.set(view.user, stack);
  }

  /** Closes the top modal (or the whole stack) of a user. */
  closeModal(userId: string, all = false): void {
    const stack = this.modalStacks.get(userId) ?? [];
    const closed = all ? stack.splice(0) : stack.splice(-1);
    for (const id of closed) this.views.delete(id);
  }

  /** A file announced by files.getUploadURLExternal: no bytes yet, not completed. */
  addFile(input: { name: string; announcedLength: number; altTxt?: string; snippetType?: string }): SlackFile {
    const file: SlackFile = {
      id: this.newId('F'),
      name: input.name,
      title: input.name,
      announcedLength: input.announcedLength,
      ...(input.altTxt === undefined ? {} : { altTxt: input.altTxt }),
      ...(input.snippetType === undefined ? {} : { snippetType: input.snippetType }),
      uploader: this.bot.userId,
      created: seconds(this.now()),
      completed: false,
      shares: [],
    };
    this.files.set(file.id, file);
    return file;
  }

  /** Canvases are files too: their ids come from the same `F` sequence. */
  addCanvas(input: { title: string; markdown: string; channel?: string }): Canvas {
    const canvas: Canvas = { id: this.newId('F'), ...input, creator: this.bot.userId, created: seconds(this.now()) };
    this.canvases.set(canvas.id, canvas);
    return canvas;
  }

  homeView(userId: string): View | undefined {
    const id = this.homeViews.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }
}
