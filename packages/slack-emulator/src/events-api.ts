/**
 * Events API delivery: wraps an event in Slack's `event_callback` envelope and sends it when the app's
 * subscription (manifest `bot_events`) and granted scopes cover it, and the bot can see where it happened.
 */
import type { AppClient, AppResponse } from './app-client.js';
import { seconds } from './ids.js';
import type { Conversation, Workspace } from './workspace.js';

/** Scopes each subscription needs (any one), from Slack's event reference. */
const subscriptionScopes: Record<string, string[]> = {
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  'message.mpim': ['mpim:history'],
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  pin_added: ['pins:read'],
  pin_removed: ['pins:read'],
  app_home_opened: [],
  user_change: ['users:read'],
  subteam_members_changed: ['usergroups:read'],
  member_joined_channel: ['channels:read', 'groups:read', 'mpim:read'],
};

export type EventResult =
  | ({ delivered: true; eventId: string } & AppResponse)
  | { delivered: false; reason: string };

export type EventsApiOptions = {
  ws: Workspace;
  app: AppClient;
  botEvents: readonly string[];
  scopes: ReadonlySet<string>;
  verificationToken: string;
};

export class EventsApi {
  /** every envelope sent, by event id, so a test can redeliver it */
  readonly envelopes = new Map<string, Record<string, unknown>>();
  private count = 0;

  constructor(private readonly options: EventsApiOptions) {}

  /** The subscription that carries a message event in this conversation, and its channel_type. */
  static messageSubscription(c: Conversation): { subscription: string; channelType: string } {
    if (c.kind === 'im') return { subscription: 'message.im', channelType: 'im' };
    if (c.kind === 'mpim') return { subscription: 'message.mpim', channelType: 'mpim' };
    return c.isPrivate
      ? { subscription: 'message.groups', channelType: 'group' }
      : { subscription: 'message.channels', channelType: 'channel' };
  }

  /** `where` is the conversation the event happened in, when the bot must be a member to hear of it. */
  async deliver(subscription: string, event: Record<string, unknown>, where?: Conversation): Promise<EventResult> {
    const { ws, botEvents, scopes } = this.options;
    if (!botEvents.includes(subscription)) return { delivered: false, reason: `not subscribed to ${subscription}` };
    const needed = subscriptionScopes[subscription] ?? [];
    if (needed.length > 0 && !needed.some((s) => scopes.has(s))) {
      return { delivered: false, reason: `${subscription} needs one of ${needed.join(', ')}` };
    }
    if (where && !where.members.has(ws.bot.userId)) return { delivered: false, reason: `bot is not in ${where.id}` };
    if (!this.options.app.configured) return { delivered: false, reason: 'no app configured' };
    const envelope = this.envelope(event);
    const eventId = String(envelope['event_id']);
    this.envelopes.set(eventId, envelope);
    const response = await this.options.app.sendJson(`event:${String(event['type'])}`, envelope);
    return { delivered: true, eventId, ...response };
  }

  /** Slack's retry of an event it got no timely 2xx for: same envelope, retry headers added. */
  async redeliver(eventId: string, retryNum: number, reason = 'http_timeout'): Promise<AppResponse> {
    const envelope = this.envelopes.get(eventId);
    if (!envelope) throw new Error(`fake-slack: no delivered event ${eventId}`);
    return this.options.app.sendJson(`event-retry:${retryNum}`, envelope, {
      headers: { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': reason },
    });
  }

  private envelope(event: Record<string, unknown>): Record<string, unknown> {
    const { ws, verificationToken } = this.options;
    this.count += 1;
    const eventId = `Ev${this.count.toString(36).toUpperCase().padStart(9, '0')}`;
    return {
      token: verificationToken,
      team_id: ws.teamId,
      context_team_id: ws.teamId,
      context_enterprise_id: null,
      api_app_id: ws.bot.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: seconds(ws.now()),
      authorizations: [
        { enterprise_id: null, team_id: ws.teamId, user_id: ws.bot.userId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ id: eventId, team: ws.teamId })).toString('base64url')}`,
    };
  }
}
