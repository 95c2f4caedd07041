import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';

/** Compares secrets in constant time. */
export const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * GET /postmortems/<incident id>/<token>.md: the latest draft as Markdown. Postmortems are internal:
 * the random token in the URL is the only key, so a wrong or missing one gets the same 404 as an
 * unknown incident.
 */
export const postmortemRoute = (read: (incidentId: string, token: string) => string | undefined): CustomRoute => ({
  path: '/postmortems/:incidentId/:file',
  method: ['GET'],
  handler: (request, response: ServerResponse) => {
    const param = (name: string) => {
      const value = request.params?.[name];
      return typeof value === 'string' ? value : '';
    };
    const incidentId = param('incidentId');
    const file = param('file');
    const token = file.endsWith('.md') ? file.slice(0, -3) : '';
    const markdown = token ? read(incidentId, token) : undefined;
    if (markdown === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('No postmortem draft at this address.\n');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/markdown; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    response.end(markdown);
  },
});
