/** Slack request signing: `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function slackSignature(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}

/** What a receiver does; handy for tests and for a sandbox that checks its own traffic. */
export function isValidSlackSignature(
  signingSecret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
): boolean {
  if (headers.timestamp === undefined || headers.signature === undefined) return false;
  const expected = Buffer.from(slackSignature(signingSecret, Number(headers.timestamp), rawBody));
  const actual = Buffer.from(headers.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
