import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { StatusPageSnapshot } from '../../domain/communication/types.js';
import { renderAtomFeed } from './atom-feed.js';
import { documentCache, isNotModified } from './cached-document.js';
import { renderStatusPage } from './status-html.js';
import { statuspageDocuments } from './statuspage-json.js';

export const statusPagePath = '/status';
export const atomFeedPath = '/history.atom';
export const statuspageApiPrefix = '/api/v2/';

/** Short enough that an update shows within a minute, long enough to absorb a burst of readers. */
const cacheControl = 'public, max-age=30';
const readMethods = ['GET', 'HEAD'];
/**
 * Methods the routes are registered for. Bolt answers a method a route does not list with its own
 * 404, so the usual writing methods are listed too, to be refused with a 405 that says why.
 */
const registeredMethods = [...readMethods, 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
const allow = 'GET, HEAD, OPTIONS';

export interface StatusPageRouteOptions {
  /** Today's date for the 90-day history and Last-Modified; injected so tests are fixed in time. */
  now?: () => number;
  /** Called when reading the snapshot fails; the request gets a 503 either way. */
  onError?: (error: unknown) => void;
}

interface Document {
  contentType: string;
  body: string;
}

type Render = (snapshot: StatusPageSnapshot) => Document;

const securityHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
/** The page has no scripts and no external assets; the policy makes an escaping slip harmless too. */
const htmlPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** Statuspage widgets read the JSON from other origins. */
const corsHeaders = { 'access-control-allow-origin': '*', 'access-control-allow-methods': allow };

const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, withBody: boolean) => {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  response.end(withBody ? body : undefined);
};

const route = (
  path: string,
  render: Render,
  readSnapshot: () => StatusPageSnapshot,
  extraHeaders: Record<string, string>,
  options: StatusPageRouteOptions,
): CustomRoute => {
  // The snapshot object changes only when the page does: each body is rendered once per snapshot.
  const rendered = documentCache(render, options.now ?? Date.now);
  return {
    path,
    method: registeredMethods,
    handler: (request, response) => {
      const method = (request.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS') {
        response.writeHead(204, { allow, ...extraHeaders, ...securityHeaders });
        response.end();
        return;
      }
      if (!readMethods.includes(method)) {
        send(
          response,
          405,
          { allow, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders, ...securityHeaders },
          `405 Method Not Allowed: ${method} is not supported here; the status page is read-only (use ${allow}).\n`,
          true,
        );
        return;
      }
      let document: ReturnType<typeof rendered>;
      try {
        document = rendered(readSnapshot());
      } catch (error) {
        options.onError?.(error);
        send(
          response,
          503,
          { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30', ...extraHeaders, ...securityHeaders },
          '503 Service Unavailable: the status could not be read; try again shortly.\n',
          method === 'GET',
        );
        return;
      }
      const validators = { etag: document.etag, 'last-modified': document.lastModified, 'cache-control': cacheControl };
      if (isNotModified(request, document)) {
        response.writeHead(304, { ...validators, ...extraHeaders, ...securityHeaders });
        response.end();
        return;
      }
      send(response, 200, { 'content-type': document.contentType, ...validators, ...extraHeaders, ...securityHeaders }, document.body, method === 'GET');
    },
  };
};

const json = (value: unknown): Document => ({
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/**
 * The public status page: `GET /status` (HTML), `GET /history.atom` (Atom feed) and Statuspage's
 * public API v2 under `/api/v2/` (summary, status, components, incidents, unresolved incidents,
 * scheduled maintenances with upcoming and active). `readSnapshot` is called once per request and
 * must be cheap: each body is rendered again only when it returns a different snapshot object.
 * Every 200 carries an ETag and Last-Modified; If-None-Match / If-Modified-Since get a 304.
 */
export const statusPageRoutes = (
  readSnapshot: () => StatusPageSnapshot,
  options: StatusPageRouteOptions = {},
): CustomRoute[] => {
  const now = options.now ?? Date.now;
  const html: Render = (snapshot) => ({
    contentType: 'text/html; charset=utf-8',
    body: renderStatusPage(snapshot, now(), { feedPath: atomFeedPath, summaryPath: `${statuspageApiPrefix}summary.json` }),
  });
  const atom: Render = (snapshot) => ({
    contentType: 'application/atom+xml; charset=utf-8',
    body: renderAtomFeed(snapshot, new URL(atomFeedPath, snapshot.page.url).href),
  });
  return [
    route(statusPagePath, html, readSnapshot, { 'content-security-policy': htmlPolicy }, options),
    route(atomFeedPath, atom, readSnapshot, {}, options),
    ...Object.entries(statuspageDocuments).map(([name, toDocument]) =>
      route(`${statuspageApiPrefix}${name}`, (snapshot) => json(toDocument(snapshot)), readSnapshot, corsHeaders, options),
    ),
  ];
};
