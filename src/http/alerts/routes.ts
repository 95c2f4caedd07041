import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { SecretReader } from '../../config/alert-secrets.js';
import { incomingBatch } from '../../app/alerts/accept-alerts.js';
import type { SentBatch } from '../../app/alerts/alert-ports.js';
import type { IncomingAlert } from '../../domain/alerts/alert.js';
import type { AlertSourceType } from '../../domain/escalation/types.js';
import { safeEqual } from '../postmortem-route.js';
import { parseAlertmanagerApi, plainApiAlerts } from './formats/alertmanager-api.js';
import type { Parsed, PlainAlert } from './formats/common.js';
import { parseGeneric } from './formats/generic.js';
import { parsePagerDuty } from './formats/pagerduty.js';
import { parseWebhook, plainWebhookAlerts } from './formats/webhook.js';
import { bearerToken, readBody } from './read-body.js';
import { refuse, sendEmpty, sendJson } from './respond.js';

export interface AlertIntake {
  secrets: SecretReader;
  now(): number;
  serviceLabel(): string;
  /** Whether an alert with these labels pages (its severity is among page_severities). */
  pages(labels: Record<string, string>): boolean;
  /**
   * Stores the batch durably (in a transaction) and resolves only once it is stored. `pages`: it
   * holds an alert that pages, which may be folded ahead of the backlog.
   */
  receive(batch: SentBatch, pages: boolean): Promise<{ accepted: number }>;
  onError(error: unknown): void;
}

interface Endpoint {
  path: string;
  type: AlertSourceType;
  parse(body: unknown, now: number, serviceLabel: string): Parsed;
  /**
   * The body's alerts when it is of the plain shape nearly every sender sends: then it is stored as
   * it came, and read into alerts only when folded. Undefined: parse it now.
   */
  plain?(body: unknown): PlainAlert[] | undefined;
  /** PagerDuty senders put the secret in the body, not in a header. */
  bodyToken?(body: unknown): string | undefined;
  /** Alertmanager's own API answers an accepted post with no body (Prometheus reads only the status): so does ours. */
  emptyAnswer?: boolean;
}

const endpoints: Endpoint[] = [
  { path: '/api/v2/alerts', type: 'prometheus', parse: (body, now) => parseAlertmanagerApi(body, now), plain: plainApiAlerts, emptyAnswer: true },
  { path: '/alerts/alertmanager', type: 'alertmanager', parse: (body, now) => parseWebhook(body, now), plain: plainWebhookAlerts },
  { path: '/alerts/grafana', type: 'grafana', parse: (body, now) => parseWebhook(body, now), plain: plainWebhookAlerts },
  {
    path: '/alerts/pagerduty',
    type: 'pagerduty',
    parse: parsePagerDuty,
    bodyToken: (body) =>
      typeof body === 'object' && body !== null && 'routing_key' in body && typeof body.routing_key === 'string' ? body.routing_key : undefined,
  },
  { path: '/alerts/generic', type: 'generic', parse: parseGeneric },
];

/**
 * Reads a stored plain body back into alerts, as of its arrival, as its endpoint parses it. It was
 * checked before it was accepted, so this does not fail; if it ever did, the batch would be
 * reported and passed over rather than stop every alert behind it.
 */
export const readSentAlerts =
  (serviceLabel: () => string, onError: (error: unknown) => void) =>
  (format: string, body: string, receivedAt: number): IncomingAlert[] => {
    try {
      const endpoint = endpoints.find((candidate) => candidate.type === format);
      const parsed = endpoint?.parse(JSON.parse(body), receivedAt, serviceLabel());
      if (!parsed?.ok) throw new Error(`a stored ${format} batch no longer reads: ${parsed?.reason ?? 'unknown format'}`);
      return parsed.alerts;
    } catch (error) {
      onError(error);
      return [];
    }
  };

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

const unauthorized = (response: ServerResponse, type: AlertSourceType) =>
  refuse(
    response,
    401,
    type === 'pagerduty' ? 'unknown routing_key' : 'missing or unknown token: send Authorization: Bearer <token> of an alerts source of this type',
    type === 'pagerduty' ? {} : { 'www-authenticate': 'Bearer' },
  );

const handle = async (endpoint: Endpoint, intake: AlertIntake, request: IncomingMessage, response: ServerResponse) => {
  if ((request.method ?? 'GET').toUpperCase() !== 'POST') {
    refuse(response, 405, `${request.method} is not supported here: POST alerts`, { allow: 'POST' });
    return;
  }
  const header = bearerToken(request);
  // Refuse a sender with no valid token before reading its body, except where the token is in it.
  let source = header ? intake.secrets.sourceFor(endpoint.type, header, safeEqual) : undefined;
  if (!source && !endpoint.bodyToken) {
    request.resume();
    unauthorized(response, endpoint.type);
    return;
  }
  const body = await readBody(request);
  if (!body.ok) {
    refuse(response, body.status, body.reason);
    return;
  }
  const json = parseJson(body.text);
  if (!source && endpoint.bodyToken) {
    const token = json.ok ? endpoint.bodyToken(json.value) : undefined;
    source = token ? intake.secrets.sourceFor(endpoint.type, token, safeEqual) : undefined;
  }
  if (!source) {
    unauthorized(response, endpoint.type);
    return;
  }
  if (!json.ok) {
    refuse(response, 400, 'the body is not valid JSON');
    return;
  }
  const plain = endpoint.plain?.(json.value);
  const parsed: Parsed | undefined = plain === undefined ? endpoint.parse(json.value, intake.now(), intake.serviceLabel()) : undefined;
  if (parsed && !parsed.ok) {
    refuse(response, 400, parsed.reason);
    return;
  }
  let stored: { accepted: number };
  try {
    const pages = (plain ?? parsed?.alerts ?? []).some((alert) => intake.pages(alert.labels));
    stored = await intake.receive(parsed ? incomingBatch(source.id, parsed.alerts) : { sourceId: source.id, format: endpoint.type, body: body.text, size: plain!.length }, pages);
  } catch (error) {
    intake.onError(error);
    refuse(response, 503, 'the alerts could not be stored; send them again', { 'retry-after': '5' });
    return;
  }
  if (endpoint.emptyAnswer) sendEmpty(response, 202);
  else sendJson(response, 202, parsed?.answer ?? { status: 'success', accepted: stored.accepted });
};

/** The alert intake endpoints, one per sender format; each accepts only its own sources' tokens. */
export const alertRoutes = (intake: AlertIntake): CustomRoute[] =>
  endpoints.map((endpoint) => ({
    path: endpoint.path,
    method: ['POST', 'GET', 'PUT'],
    handler: (request, response) => {
      void handle(endpoint, intake, request, response).catch((error: unknown) => {
        intake.onError(error);
        if (!response.headersSent) refuse(response, 500, 'internal error');
      });
    },
  }));
