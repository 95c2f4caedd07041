/**
 * response_url: what an app posts there becomes an ephemeral or in-channel message, or replaces or deletes
 * the message the interaction came from. Slack allows five uses within thirty minutes.
 */
import { fail, type ApiResponse, type Args } from './method-args.js';
import { isFailure, readMessageContent, type MessageContent } from './methods/message-content.js';
import type { ApiAnswer } from './web-api.js';
import type { Workspace } from './workspace.js';

export type ResponseOrigin = {
  channel: string;
  user: string;
  /** the message the interaction came from; absent for slash commands */
  messageTs?: string;
  ephemeral?: boolean;
};

export type ResponsePost = { url: string; body: unknown; ok: boolean; error?: string };

const maxUses = 5;
const lifetimeMs = 30 * 60 * 1000;

type Hook = ResponseOrigin & { issuedAt: number; uses: number };

export class ResponseUrls {
  readonly posts: ResponsePost[] = [];
  private readonly hooks = new Map<string, Hook>();
  private count = 0;

  constructor(
    private readonly ws: Workspace,
    private readonly baseUrl: () => string,
  ) {}

  issue(origin: ResponseOrigin): string {
    this.count += 1;
    const id = `${this.ws.teamId}${this.count}${Math.floor(this.ws.now() / 1000)}`;
    this.hooks.set(id, { ...origin, issuedAt: this.ws.now(), uses: 0 });
    return `${this.baseUrl()}/response-url/${id}`;
  }

  post(id: string, body: unknown): ApiAnswer {
    const hook = this.hooks.get(id);
    const url = `${this.baseUrl()}/response-url/${id}`;
    const result = hook ? this.use(hook, body) : fail('no_active_hooks');
    this.posts.push({ url, body, ok: result.ok, ...(result.error === undefined ? {} : { error: result.error }) });
    return { status: result.ok ? 200 : hook ? 400 : 404, headers: {}, body: result };
  }

  /** Also used for the body of a slash command's HTTP answer, which Slack treats the same way. */
  apply(origin: ResponseOrigin, body: unknown, source: 'response_url' | 'command_response'): ApiResponse {
    const args: Args = typeof body === 'object' && body !== null ? (body as Args) : {};
    if (args['delete_original'] === true) return this.deleteOriginal(origin);
    const content = readMessageContent(args);
    if (isFailure(content)) return content;
    if (args['replace_original'] === true && origin.messageTs !== undefined) return this.replaceOriginal(origin, content);
    if (args['response_type'] === 'in_channel') {
      this.ws.addMessage(origin.channel, {
        user: this.ws.bot.userId,
        botId: this.ws.bot.botId,
        text: content.text ?? '',
        ...(content.blocks ? { blocks: content.blocks } : {}),
        ...(typeof args['thread_ts'] === 'string' ? { threadTs: args['thread_ts'] } : {}),
      });
      return { ok: true };
    }
    this.ws.addEphemeral({
      channel: origin.channel,
      user: origin.user,
      text: content.text ?? '',
      ...(content.blocks ? { blocks: content.blocks } : {}),
      source,
    });
    return { ok: true };
  }

  private use(hook: Hook, body: unknown): ApiResponse {
    if (this.ws.now() - hook.issuedAt > lifetimeMs) return fail('expired_url');
    if (hook.uses >= maxUses) return fail('used_url');
    hook.uses += 1;
    return this.apply(hook, body, 'response_url');
  }

  private deleteOriginal(origin: ResponseOrigin): ApiResponse {
    if (origin.messageTs === undefined) return fail('message_not_found');
    if (origin.ephemeral) {
      const index = this.ws.ephemerals.findIndex((e) => e.ts === origin.messageTs && e.user === origin.user);
      if (index >= 0) this.ws.ephemerals.splice(index, 1);
      return { ok: true };
    }
    return this.ws.removeMessage(origin.channel, origin.messageTs) ? { ok: true } : fail('message_not_found');
  }

  private replaceOriginal(origin: ResponseOrigin, content: MessageContent): ApiResponse {
    const target = origin.ephemeral
      ? this.ws.ephemerals.find((e) => e.ts === origin.messageTs && e.user === origin.user)
      : this.ws.message(origin.channel, origin.messageTs ?? '');
    if (!target) return fail('message_not_found');
    target.text = content.text ?? '';
    if (content.blocks) target.blocks = content.blocks;
    else delete target.blocks;
    return { ok: true };
  }
}
