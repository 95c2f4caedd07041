import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from 'pino';
import { checkSlackEnvelope } from './parse/envelope.js';

export interface RequestGuardOptions {
  signingSecret: string;
  /** Paths Bolt answers Slack on, e.g. /slack/events; other paths pass straight through. */
  endpoints: string[];
  logger: Logger;
  /** Real time in ms: Slack's timestamps are compared with the wall clock, never a test's clock. */
  now?: () => number;
  /** How far a request's timestamp may be from now, either way (Slack's libraries use 5 minutes for the past). */
  maxSkewSeconds?: number;
  /** Bolt's own default limit. */
  bodyLimitBytes?: number;
}

type Verdict = { status: 200 } | { status: 400 | 401 | 413; reason: string };

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

const signatureMatches = (secret: string, timestamp: string, body: string, signature: string): boolean => {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

/**
 * Checks every request to Bolt's endpoints before Bolt sees it: the signature, a timestamp within the
 * skew in both directions (Bolt refuses only the past), and the envelope's shape. Whatever fails gets a
 * 4xx and one log line naming why (never the body or the signature); the process stays up.
 * What passes reaches Bolt with the body already read, which Bolt reuses.
 */
export const guardSlackRequests = ({
  signingSecret,
  endpoints,
  logger,
  now = Date.now,
  maxSkewSeconds = 300,
  bodyLimitBytes = 4 * 1024 * 1024,
}: RequestGuardOptions) => {
  const log = logger.child({ module: 'receiver' });

  const judge = (req: IncomingMessage, body: string): Verdict => {
    const contentType = header(req, 'content-type');
    // Slack's SSL check is unsigned by design; Bolt answers it and ignores anything else in the body.
    if (contentType === 'application/x-www-form-urlencoded' && parseQuery(body).ssl_check === '1') return { status: 200 };
    const timestamp = header(req, 'x-slack-request-timestamp');
    const signature = header(req, 'x-slack-signature');
    if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { status: 401, reason: 'missing or malformed signature headers' };
    const skew = Number(timestamp) - Math.floor(now() / 1000);
    if (Math.abs(skew) > maxSkewSeconds) return { status: 401, reason: `timestamp ${skew > 0 ? 'ahead of' : 'behind'} the clock by ${Math.abs(skew)} s` };
    if (!signatureMatches(signingSecret, timestamp, body, signature)) return { status: 401, reason: 'signature mismatch' };
    const envelope = checkSlackEnvelope(body, contentType);
    return envelope.ok ? { status: 200 } : { status: 400, reason: envelope.reason };
  };

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(message);
  };

  return (bolt: RequestListener): RequestListener =>
    (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'POST' || !endpoints.includes(path)) {
        bolt(req, res);
        return;
      }
      // The request listener cannot be async; every failure below is caught and answered with a 4xx.
      void (async () => {
        try {
          const body = await readBody(req, bodyLimitBytes);
          if (body === 'too_large') {
            log.warn({ limitBytes: bodyLimitBytes }, 'refused a Slack request: body too large');
            return refuse(res, 413, 'body too large');
          }
          const verdict = judge(req, body.toString('utf8'));
          if (verdict.status !== 200) {
            log.warn({ status: verdict.status, reason: verdict.reason }, verdict.status === 400 ? 'refused a malformed Slack request' : 'refused an unverified Slack request');
            return refuse(res, verdict.status, verdict.status === 400 ? `malformed request: ${verdict.reason}` : 'unverified request');
          }
          // Bolt reads `rawBody` when it is already there instead of the (now consumed) stream.
          Object.assign(req, { rawBody: body });
          bolt(req, res);
        } catch (error) {
          log.error({ err: error }, 'could not read a Slack request');
          if (!res.headersSent) refuse(res, 400, 'could not read the request');
        }
      })();
    };
};
