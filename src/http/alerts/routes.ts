import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { SecretReader } from '../../config/alert-secrets.js';
import type { IncomingAlert } from '../../domain/alerts/alert.js';
import type { AlertSourceType } from '../../domain/escalation/types.js';
import { safeEqual } from '../postmortem-route.js';
import { parseAlertmanagerApi } from './formats/alertmanager-api.js';
import type { Parsed } from './formats/common.js';
import { parseGeneric } from './formats/generic.js';
import { parsePagerDuty } from './formats/pagerduty.js';
import { parseWebhook } from './formats/webhook.js';
import { bearerToken, readBody } from './read-body.js';
import { refuse, sendJson } from './respond.js';

export interface AlertIntake {
  secrets: SecretReader;
  now(): number;
  serviceLabel(): string;
  /** Stores the batch durably (in a transaction) and resolves only once it is stored. */
  receive(sourceId: string, alerts: IncomingAlert[]): Promise<{ accepted: number }>;
  onError(error: unknown): void;
}

interface Endpoint {
  path: string;
  type: AlertSourceType;
  parse(body: unknown, intake: AlertIntake): Parsed;
  /** PagerDuty senders put the secret in the body, not in a header. */
  bodyToken?(body: unknown): string | undefined;
}

const endpoints: Endpoint[] = [
  { path: '/api/v2/alerts', type: 'prometheus', parse: (body, intake) => parseAlertmanagerApi(body, intake.now()) },
  { path: '/alerts/alertmanager', type: 'alertmanager', parse: (body, intake) => parseWebhook(body, intake.now()) },
  { path: '/alerts/grafana', type: 'grafana', parse: (body, intake) => parseWebhook(body, intake.now()) },
  {
    path: '/alerts/pagerduty',
    type: 'pagerduty',
    parse: (body, intake) => parsePagerDuty(body, intake.now(), intake.serviceLabel()),
    bodyToken: (body) =>
      typeof body === 'object' && body !== null && 'routing_key' in body && typeof body.routing_key === 'string' ? body.routing_key : undefined,
  },
  { path: '/alerts/generic', type: 'generic', parse: (body, intake) => parseGeneric(body, intake.now(), intake.serviceLabel()) },
];

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
  const parsed = endpoint.parse(json.value, intake);
  if (!parsed.ok) {
    refuse(response, 400, parsed.reason);
    return;
  }
  let stored: { accepted: number };
  try {
    stored = await intake.receive(source.id, parsed.alerts);
  } catch (error) {
    intake.onError(error);
    refuse(response, 503, 'the alerts could not be stored; send them again', { 'retry-after': '5' });
    return;
  }
  sendJson(response, 202, parsed.answer ?? { status: 'success', accepted: stored.accepted });
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
