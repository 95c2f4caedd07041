/** What the fake workspace holds: its identity and its maps of records (the model is workspace.ts). */
import { createIdGenerator, createTsGenerator, seconds, type Now } from './ids.js';
import type { Canvas, SlackFile } from './stored-file-types.js';
import type { BotIdentity, Conversation, EphemeralMessage, Message, Pin, Trigger, User, UserGroup, View, WorkspaceOptions } from './workspace-types.js';

export class WorkspaceState {
  readonly now: Now;
  readonly teamId: string;
  readonly teamName: string;
  readonly domain: string;
  readonly bot: BotIdentity;
  readonly users = new Map<string, User>();
  readonly conversations = new Map<string, Conversation>();
  readonly messages = new Map<string, Message[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly pins = new Map<string, Pin>();
  readonly views = new Map<string, View>();
  /** user id → the stack of open modal view ids, root first */
  readonly modalStacks = new Map<string, string[]>();
  /** user id → published Home tab view id */
  readonly homeViews = new Map<string, string>();
  readonly triggers = new Map<string, Trigger>();
  readonly userGroups = new Map<string, UserGroup>();
  /** uploads by file id, from files.getUploadURLExternal on (see stored-files.ts) */
  readonly files = new Map<string, SlackFile>();
  readonly canvases = new Map<string, Canvas>();
  readonly canvasesAllowed: boolean;
  readonly newId: (prefix: string) => string;
  readonly nextTs: () => string;
  protected triggerCount = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.teamId = options.teamId ?? 'T0FAKETEAM';
    this.teamName = options.teamName ?? 'Acme';
    this.domain = options.domain ?? 'acme';
    this.bot = {
      userId: options.bot?.userId ?? 'U0BOT00001',
      botId: options.bot?.botId ?? 'B0BOT00001',
      appId: options.bot?.appId ?? 'A0APP00001',
      name: options.bot?.name ?? 'incident-bot',
    };
    this.canvasesAllowed = options.canvases !== 'disabled';
    this.newId = createIdGenerator();
    this.nextTs = createTsGenerator(this.now);
    this.users.set(this.bot.userId, {
      id: this.bot.userId,
      name: this.bot.name,
      realName: this.bot.name,
      displayName: '',
      tz: 'America/Los_Angeles',
      tzOffset: -28800,
      isBot: true,
      botId: this.bot.botId,
      updated: seconds(this.now()),
    });
  }
}

export function pinKey(channelId: string, ts: string): string {
  return `${channelId}:${ts}`;
}

export function hex(n: number): string {
  return (n * 2654435761 >>> 0).toString(16).padStart(8, '0');
}
