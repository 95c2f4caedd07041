/**
 * The Web API front door: unknown methods, rate limits, authentication, token type, scopes (for the type of
 * conversation involved, see conversation-scopes.ts) and required arguments are checked here, in that order,
 * before a method handler runs. Every call is recorded.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { acceptedScopes } from './conversation-scopes.js';
import { fail, invalidArguments, type ApiResponse, type Args, type MethodHandler } from './method-args.js';
import { methodFacts } from './method-reference.js';
import type { RateLimits } from './rate-limits.js';
import type { Workspace } from './workspace.js';

export type ApiCall = {
  method: string;
  args: Args;
  ok: boolean;
  error?: string;
  response: Record<string, unknown>;
  /** HTTP status the fake answered with (429 for a programmed rate limit) */
  status: number;
  /** When the fake carried the call out (`performance.now()`, monotonic ms), for latency benchmarks. */
  at: number;
};

export type ApiRequest = { method: string; headers: IncomingHttpHeaders; args: Args; jsonBody: boolean };

export type ApiAnswer = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

export type WebApiDeps = {
  ws: Workspace;
  botToken: string;
  scopes: ReadonlySet<string>;
  handlers: Record<string, MethodHandler>;
  rateLimits: RateLimits;
  calls: ApiCall[];
  baseUrl: string;
};

export function answerApiCall(deps: WebApiDeps, request: ApiRequest): ApiAnswer {
  const { token, ...args } = request.args;
  const answer = decide(deps, request, token);
  const body = answer.body;
  deps.calls.push({
    method: request.method,
    args,
    ok: body['ok'] === true,
    ...(typeof body['error'] === 'string' ? { error: body['error'] } : {}),
    response: body,
    status: answer.status,
    at: performance.now(),
  });
  return answer;
}

function decide(deps: WebApiDeps, request: ApiRequest, bodyToken: unknown): ApiAnswer {
  const { method } = request;
  const facts = methodFacts(method);
  if (!facts) return ok200(fail('unknown_method', { req_method: method }));

  const retryAfter = deps.rateLimits.take(method);
  if (retryAfter !== undefined) {
    return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: fail('ratelimited') };
  }

  // Slack ignores a token inside a JSON body: JSON callers must use the Authorization header.
  const token = bearer(request.headers) ?? (request.jsonBody ? undefined : bodyToken);
  if (typeof token !== 'string' || token === '') return ok200(fail('not_authed'));
  if (token !== deps.botToken) return ok200(fail('invalid_auth'));
  if (!facts.bot) return ok200(fail('not_allowed_token_type'));

  // Methods without JSON support do not read a JSON body at all.
  const args = request.jsonBody && !facts.json ? {} : request.args;
  const accepted = facts.scopes && acceptedScopes(deps.ws, method, facts.scopes, args);
  if (accepted && !accepted.some((s) => deps.scopes.has(s))) {
    return ok200(fail('missing_scope', { needed: accepted.join(','), provided: [...deps.scopes].join(',') }));
  }

  const missing = facts.required.find((name) => args[name] === undefined || args[name] === '');
  if (missing !== undefined) {
    return ok200(
      facts.missing === 'missing_argument'
        ? fail('missing_argument', { response_metadata: { messages: [`[ERROR] missing required field: ${missing}`] } })
        : invalidArguments([`[ERROR] missing required field: ${missing}`]),
    );
  }

  const handler = deps.handlers[method];
  if (!handler) return ok200(fail('fake_slack_not_emulated', { method }));
  return ok200(handler({ ws: deps.ws, args, scopes: deps.scopes, baseUrl: deps.baseUrl }));
}

export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

function ok200(body: ApiResponse): ApiAnswer {
  return { status: 200, headers: {}, body };
}
