/**
 * The fake Slack: a Web API server the real WebClient talks to, a workspace, and a Slack client that acts
 * for people and sends the app the same signed requests Slack would.
 */
import { AppClient, type AppConfig, type AppResponse, type SendOptions } from './app-client.js';
import * as actions from './block-actions.js';
import type { Driver } from './driver.js';
import { EventsApi, type EventResult } from './events-api.js';
import { answerFileRequest } from './file-server.js';
import { startHttpServer, type RunningServer } from './http-server.js';
import type { Now } from './ids.js';
import { loadManifest } from './manifest.js';
import type { MethodHandler } from './method-args.js';
import { canvasMethods } from './methods/canvases.js';
import { chatMethods } from './methods/chat.js';
import { conversationMethods } from './methods/conversations.js';
import { fileMethods } from './methods/files.js';
import { pinAndReactionMethods } from './methods/pins-reactions.js';
import { userGroupMethods } from './methods/usergroups.js';
import { userMethods } from './methods/users.js';
import { viewMethods } from './methods/views.js';
import { RateLimits } from './rate-limits.js';
import { Faults, type Fault } from './faults.js';
import { ResponseUrls, type ResponsePost } from './response-urls.js';
import { runMessageShortcut, type MessageShortcutInput, type MessageShortcutResult } from './shortcuts.js';
import { runSlashCommand, type SlashCommandInput, type SlashCommandResult } from './slash-commands.js';
import * as people from './user-events.js';
import * as modals from './view-submissions.js';
import { answerApiCall, type ApiCall } from './web-api.js';
import { Workspace, type BotIdentity } from './workspace.js';

export type FakeSlackOptions = {
  /** clock in ms for message ts, trigger expiry and event times; Date.now by default */
  now?: Now;
  /** clock for X-Slack-Request-Timestamp; defaults to `now`. Give Date.now when the app checks freshness
   *  against the real time but the fake runs on an injected clock. */
  signingNow?: Now;
  /** granted bot scopes; by default manifest.yml oauth_config.scopes.bot */
  scopes?: string[];
  /** subscribed bot events; by default manifest.yml settings.event_subscriptions.bot_events */
  botEvents?: string[];
  manifestPath?: string | URL;
  botToken?: string;
  verificationToken?: string;
  teamId?: string;
  teamName?: string;
  domain?: string;
  bot?: Partial<BotIdentity>;
  /** whether the team may use canvases (default allowed); see methods/canvases.ts */
  canvases?: 'allowed' | 'disabled';
  /** where to send the app's requests; can also be set later with configureApp */
  app?: AppConfig;
  port?: number;
  /** How long each Web API call takes to answer, like real Slack's round trip (default 0); for benchmarks. */
  apiLatencyMs?: number;
};

const handlers: Record<string, MethodHandler> = {
  ...userMethods,
  ...userGroupMethods,
  ...conversationMethods,
  ...chatMethods,
  ...pinAndReactionMethods,
  ...viewMethods,
  ...fileMethods,
  ...canvasMethods,
};

export class FakeSlack {
  readonly workspace: Workspace;
  readonly botToken: string;
  readonly scopes: ReadonlySet<string>;
  readonly calls: ApiCall[] = [];
  private readonly rateLimits = new RateLimits();
  /** Programmed trouble: failNext, a random rate, outages, latency (faults.ts). */
  readonly faults = new Faults();
  private readonly app: AppClient;
  private readonly driver: Driver;
  private readonly responseUrls: ResponseUrls;
  private server: RunningServer | undefined;

  constructor(options: FakeSlackOptions = {}) {
    this.faults.latencyMs = options.apiLatencyMs ?? 0;
    const manifest = loadManifest(options.manifestPath);
    this.workspace = new Workspace({
      ...(options.now ? { now: options.now } : {}),
      ...(options.teamId ? { teamId: options.teamId } : {}),
      ...(options.teamName ? { teamName: options.teamName } : {}),
      ...(options.domain ? { domain: options.domain } : {}),
      ...(options.bot ? { bot: options.bot } : {}),
      ...(options.canvases ? { canvases: options.canvases } : {}),
    });
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.scopes = new Set(options.scopes ?? manifest.botScopes);
    this.app = new AppClient(options.signingNow ?? this.workspace.now);
    if (options.app) this.app.configure(options.app);
    this.responseUrls = new ResponseUrls(this.workspace, () => this.baseUrl);
    const verificationToken = options.verificationToken ?? 'fake-verification-token';
    this.driver = {
      ws: this.workspace,
      app: this.app,
      responseUrls: this.responseUrls,
      events: new EventsApi({
        ws: this.workspace,
        app: this.app,
        botEvents: options.botEvents ?? manifest.botEvents,
        scopes: this.scopes,
        verificationToken,
      }),
      commands: manifest.commands,
      messageShortcuts: manifest.messageShortcuts,
      interactivity: manifest.interactivity,
      verificationToken,
    };
  }

  async listen(port = 0): Promise<this> {
    this.server = await startHttpServer(
      {
        api: (request) =>
          answerApiCall(
            {
              ws: this.workspace,
              botToken: this.botToken,
              scopes: this.scopes,
              handlers,
              rateLimits: this.rateLimits,
              calls: this.calls,
              baseUrl: this.baseUrl,
            },
            request,
          ),
        fault: (method, args) => this.faults.take(method, args),
        latencyMs: () => this.faults.latencyMs,
        responseUrl: (id, body) => this.responseUrls.post(id, body),
        files: (request) => answerFileRequest({ ws: this.workspace, botToken: this.botToken, scopes: this.scopes }, request),
      },
      port,
    );
    return this;
  }

  /** e.g. http://127.0.0.1:PORT */
  get baseUrl(): string {
    if (!this.server) throw new Error('fake-slack: not listening');
    return this.server.baseUrl;
  }

  /** the WebClient's `slackApiUrl`, with its trailing slash */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** everything the app posted to response_urls */
  get responses(): readonly ResponsePost[] {
    return this.responseUrls.posts;
  }

  /** every signed request sent to the app, with its answer */
  get deliveries(): AppClient['deliveries'] {
    return this.app.deliveries;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  /** The next call(s) to `method` meet this fault. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }

  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.rateLimits.next(method, retryAfterSeconds);
  }

  configureApp(config: AppConfig): void {
    this.app.configure(config);
  }

  addUser(...args: Parameters<Workspace['addUser']>): ReturnType<Workspace['addUser']> {
    return this.workspace.addUser(...args);
  }

  addChannel(...args: Parameters<Workspace['addChannel']>): ReturnType<Workspace['addChannel']> {
    return this.workspace.addChannel(...args);
  }

  addUserGroup(...args: Parameters<Workspace['addUserGroup']>): ReturnType<Workspace['addUserGroup']> {
    return this.workspace.addUserGroup(...args);
  }

  runSlashCommand(input: SlashCommandInput): Promise<SlashCommandResult> {
    return runSlashCommand(this.driver, input);
  }

  /** A person runs one of the manifest's message shortcuts on a message. */
  runMessageShortcut(input: MessageShortcutInput): Promise<MessageShortcutResult> {
    return runMessageShortcut(this.driver, input);
  }

  clickButton(input: actions.ClickButtonInput): Promise<actions.ActionResult> {
    return actions.clickButton(this.driver, input);
  }

  selectOption(input: actions.SelectOptionInput): Promise<actions.ActionResult> {
    return actions.selectOption(this.driver, input);
  }

  clickViewButton(input: actions.ClickViewButtonInput): Promise<actions.ActionResult> {
    return actions.clickViewButton(this.driver, input);
  }

  submitView(input: modals.SubmitViewInput): Promise<modals.SubmitViewResult> {
    return modals.submitView(this.driver, input);
  }

  closeView(input: { user: string; viewId: string }): Promise<AppResponse | undefined> {
    return modals.closeView(this.driver, input);
  }

  postMessage(input: people.PostMessageInput): Promise<people.UserEventResult> {
    return people.postMessage(this.driver, input);
  }

  editMessage(input: people.MessageRef & { text: string }): Promise<people.UserEventResult> {
    return people.editMessage(this.driver, input);
  }

  deleteMessage(input: people.MessageRef): Promise<people.UserEventResult> {
    return people.deleteMessage(this.driver, input);
  }

  addReaction(input: people.ReactionInput): Promise<people.UserEventResult> {
    return people.addReaction(this.driver, input);
  }

  removeReaction(input: people.ReactionInput): Promise<people.UserEventResult> {
    return people.removeReaction(this.driver, input);
  }

  pinMessage(input: people.MessageRef): Promise<people.UserEventResult> {
    return people.pinMessage(this.driver, input);
  }

  unpinMessage(input: people.MessageRef): Promise<people.UserEventResult> {
    return people.unpinMessage(this.driver, input);
  }

  openAppHome(input: { user: string; tab?: 'home' | 'messages' }): Promise<people.UserEventResult> {
    return people.openAppHome(this.driver, input);
  }

  changeProfile(input: people.ProfileChange): Promise<people.UserEventResult> {
    return people.changeProfile(this.driver, input);
  }

  changeUserGroupMembers(input: people.UserGroupMembersChange): Promise<people.UserEventResult> {
    return people.changeUserGroupMembers(this.driver, input);
  }

  redeliverEvent(eventId: string, retryNum: number, reason?: string): Promise<AppResponse> {
    return this.driver.events.redeliver(eventId, retryNum, reason);
  }

  /** The Events API handshake Slack performs when a request URL is saved. */
  verifyUrl(challenge = 'fake-challenge'): Promise<AppResponse> {
    return this.app.sendJson('url_verification', { token: this.driver.verificationToken, challenge, type: 'url_verification' });
  }

  /** Any signed (or deliberately mis-signed) request to the app, e.g. a stale timestamp or a forged signature. */
  sendSigned(rawBody: string, options: SendOptions & { contentType?: string } = {}): Promise<AppResponse> {
    return this.app.send('raw', rawBody, options.contentType ?? 'application/json', options);
  }
}

export type { EventResult };
