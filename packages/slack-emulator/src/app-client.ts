/** Sends signed requests to the app's request URL, as Slack does, and records what the app answered. */
import type { Now } from './ids.js';
import { slackSignature } from './signing.js';

export type AppConfig = { requestUrl: string; signingSecret: string };

export type SendOptions = {
  /** forge the X-Slack-Request-Timestamp (seconds), e.g. to test stale requests */
  timestampSeconds?: number;
  /** forge the X-Slack-Signature */
  signature?: string;
  headers?: Record<string, string>;
};

export type AppResponse = {
  status: number;
  /** parsed JSON when the app answered JSON, else the text ('' for an empty body) */
  body: unknown;
  headers: Record<string, string>;
  /** real time the app took to answer; Slack gives up after 3 s */
  elapsedMs: number;
};

export type AppRequest = { kind: string; contentType: string; rawBody: string; headers: Record<string, string> };

export type Delivery = AppRequest & { response: AppResponse };

export class AppClient {
  readonly deliveries: Delivery[] = [];
  private config: AppConfig | undefined;

  constructor(private readonly signingNow: Now) {}

  configure(config: AppConfig): void {
    this.config = config;
  }

  get configured(): boolean {
    return this.config !== undefined;
  }

  async send(kind: string, rawBody: string, contentType: string, options: SendOptions = {}): Promise<AppResponse> {
    if (!this.config) throw new Error('fake-slack: call configureApp({ requestUrl, signingSecret }) first');
    const timestamp = options.timestampSeconds ?? Math.floor(this.signingNow() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': options.signature ?? slackSignature(this.config.signingSecret, timestamp, rawBody),
      ...options.headers,
    };
    const started = performance.now();
    const res = await fetch(this.config.requestUrl, { method: 'POST', headers, body: rawBody });
    const text = await res.text();
    const response: AppResponse = {
      status: res.status,
      body: parseBody(text),
      headers: Object.fromEntries(res.headers.entries()),
      elapsedMs: performance.now() - started,
    };
    this.deliveries.push({ kind, contentType, rawBody, headers, response });
    return response;
  }

  sendForm(kind: string, fields: Record<string, string>, options?: SendOptions): Promise<AppResponse> {
    return this.send(kind, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  sendJson(kind: string, body: unknown, options?: SendOptions): Promise<AppResponse> {
    return this.send(kind, JSON.stringify(body), 'application/json', options);
  }
}

function parseBody(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
