/**
 * The browser sandbox at /sandbox: a Slack-like page over the emulator, and the JSON API it (and tests)
 * use to act as one of the seeded people. Mounted on the bot's own HTTP server (loopback only).
 *
 *   GET  /sandbox?as=U…&c=C…|home       the page
 *   GET  /sandbox/ui/fragments?as&c       the page's parts, re-rendered, for live updates
 *   GET  /sandbox/api/version             { version }: changes whenever the workspace may have
 *   GET  /sandbox/api/people              the people one can act as
 *   GET  /sandbox/api/state?as&channel    what that person sees (see api/read-state.ts)
 *   POST /sandbox/api/<action>            act as that person (see api/request-schemas.ts)
 *   GET  /sandbox/files/<id>?as           an uploaded file (text as text);  /sandbox/api/files/<id> as JSON
 *   GET  /sandbox/canvases/<id>?as        a canvas's Markdown as text;      /sandbox/api/canvases/<id> as JSON
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { actingPerson, sandboxPersons } from './api/acting-person.js';
import { ChangeTracker } from './api/change-tracker.js';
import { HttpError, queryOf, readJsonBody, sendError, sendJson, sendText } from './api/http-io.js';
import { readCanvas, readFile } from './api/read-file.js';
import { readState, visibleConversation } from './api/read-state.js';
import { isActionName, actionSchemas } from './api/request-schemas.js';
import { runAction } from './api/run-action.js';
import { sandboxPeople } from './seed-workspace.js';
import type { FakeSlack } from 'slack-emulator';
import { esc } from './ui/html.js';
import { renderFragments, renderPage, type Place } from './ui/render-page.js';

export type SandboxRouteOptions = {
  /** failures that are not the person's doing (a bug); they get a 500 */
  onError?: (error: unknown) => void;
};

type Handler = (...args: Parameters<CustomRoute['handler']>) => void | Promise<void>;

/** What every group of routes works on. */
interface SandboxContext {
  slack: FakeSlack;
  ws: FakeSlack['workspace'];
  tracker: ChangeTracker;
  /** Wraps a handler so that every failure is answered (see `safely`). */
  safely: (handler: Handler) => CustomRoute['handler'];
}

const asset = (name: string): string => readFileSync(new URL(`./ui/${name}`, import.meta.url), 'utf8');

/** Scripts and styles come only from this server; no inline script runs. */
const pagePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Bolt ignores what a custom route returns; every failure is answered here, so nothing is left
// unhandled by not awaiting it.
const safely =
  (handler: Handler, onError: (error: unknown) => void): CustomRoute['handler'] =>
  (request, response) => {
    void (async () => {
      try {
        await handler(request, response);
      } catch (error) {
        sendError(response, error, onError);
      }
    })();
  };

/** `as` defaults to the first person; `c` to #general. */
const placeOf = (ws: FakeSlack['workspace'], as: string, c: string | null): Place => {
  if (c === 'home') return { kind: 'home' };
  const id = c || ws.generalChannel()?.id || '';
  visibleConversation(ws, id, as);
  return { kind: 'conversation', id };
};

/** A page request that cannot be served gets a page saying why and whom to open the sandbox as. */
const sendPageError = (response: ServerResponse, error: unknown) => {
  if (!(error instanceof HttpError)) throw error;
  const links = sandboxPeople.map((p) => `<li><a href="/sandbox?as=${p.id}">${esc(p.realName)}</a></li>`).join('');
  sendText(response, error.status, 'text/html; charset=utf-8', `<!doctype html><meta charset="utf-8"><title>Sandbox</title><p>${esc(error.message)}</p><p>Open the sandbox as:</p><ul>${links}</ul>`);
};

/** The page, its assets and its live fragments. */
const pageRoutes = ({ slack, ws, tracker, safely }: SandboxContext): CustomRoute[] => {
  const styles = asset('sandbox.css');
  // The page's script and the modules it imports (relative to it, so under the same path).
  const scripts = ['sandbox-client.js', 'sandbox-dom.js', 'sandbox-clicks.js'].map((name) => ({ name, text: asset(name) }));
  return [
    {
      path: '/sandbox',
      method: 'GET',
      handler: safely((request, response) => {
        const query = queryOf(request);
        const as = query.get('as') || sandboxPeople[0].id;
        try {
          const me = actingPerson(ws, as).id;
          // After switching person, the conversation may be private to the last one: fall back to #general.
          let place: Place;
          try {
            place = placeOf(ws, me, query.get('c'));
          } catch {
            place = placeOf(ws, me, null);
          }
          const state = readState(slack, tracker, as, place.kind === 'conversation' ? place.id : null);
          response.setHeader('content-security-policy', pagePolicy);
          sendText(response, 200, 'text/html; charset=utf-8', renderPage(ws, state, place));
        } catch (error) {
          sendPageError(response, error);
        }
      }),
    },
    { path: '/sandbox/assets/sandbox.css', method: 'GET', handler: (_request, response) => sendText(response, 200, 'text/css; charset=utf-8', styles) },
    ...scripts.map(({ name, text }): CustomRoute => ({ path: `/sandbox/assets/${name}`, method: 'GET', handler: (_request, response) => sendText(response, 200, 'text/javascript; charset=utf-8', text) })),
    {
      path: '/sandbox/ui/fragments',
      method: 'GET',
      handler: safely((request, response) => {
        const query = queryOf(request);
        const as = actingPerson(ws, query.get('as')).id;
        const place = placeOf(ws, as, query.get('c'));
        const state = readState(slack, tracker, as, place.kind === 'conversation' ? place.id : null);
        sendJson(response, 200, renderFragments(ws, state, place));
      }),
    },
  ];
};

/** What the JSON API reads about the workspace. */
const stateRoutes = ({ slack, tracker, safely }: SandboxContext): CustomRoute[] => [
  { path: '/sandbox/api/version', method: 'GET', handler: (_request, response) => sendJson(response, 200, { version: tracker.version }) },
  { path: '/sandbox/api/people', method: 'GET', handler: (_request, response) => sendJson(response, 200, { people: sandboxPersons() }) },
  {
    path: '/sandbox/api/state',
    method: 'GET',
    handler: safely((request, response) => {
      const query = queryOf(request);
      sendJson(response, 200, readState(slack, tracker, query.get('as'), query.get('channel')));
    }),
  },
];

/** Who asks (`?as=`) and for which file or canvas (`:id`). */
const itemRequest = (ws: FakeSlack['workspace'], request: Parameters<CustomRoute['handler']>[0]) => ({
  as: actingPerson(ws, queryOf(request).get('as')).id,
  id: String(request.params?.['id'] ?? ''),
});

/** Uploaded files and canvases, as JSON for the API and as plain content for a browser. */
const fileRoutes = ({ ws, safely }: SandboxContext): CustomRoute[] => [
  {
    path: '/sandbox/api/files/:id',
    method: 'GET',
    handler: safely((request, response) => {
      const { as, id } = itemRequest(ws, request);
      sendJson(response, 200, readFile(ws, id, as).content);
    }),
  },
  {
    path: '/sandbox/files/:id',
    method: 'GET',
    handler: safely((request, response) => {
      const { as, id } = itemRequest(ws, request);
      const { content, bytes } = readFile(ws, id, as);
      if (content.text !== null) return sendText(response, 200, 'text/plain; charset=utf-8', content.text);
      response.writeHead(200, { 'content-type': content.mimetype, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(content.name)}`, 'x-content-type-options': 'nosniff' });
      response.end(bytes);
    }),
  },
  {
    path: '/sandbox/api/canvases/:id',
    method: 'GET',
    handler: safely((request, response) => {
      const { as, id } = itemRequest(ws, request);
      sendJson(response, 200, readCanvas(ws, id, as));
    }),
  },
  {
    path: '/sandbox/canvases/:id',
    method: 'GET',
    handler: safely((request, response) => {
      const { as, id } = itemRequest(ws, request);
      const canvas = readCanvas(ws, id, as);
      sendText(response, 200, 'text/plain; charset=utf-8', `# ${canvas.title}\n\n${canvas.markdown}`);
    }),
  },
];

/** Acting as a person: POST /sandbox/api/<action>. */
const actionRoute = ({ slack, tracker, safely }: SandboxContext): CustomRoute => ({
  path: '/sandbox/api/:action',
  method: 'POST',
  handler: safely(async (request, response) => {
    const name = String(request.params?.['action'] ?? '');
    if (!isActionName(name)) throw new HttpError(404, `no action ${name}; actions: ${Object.keys(actionSchemas).join(', ')}`);
    const body = await readJsonBody(request);
    sendJson(response, 200, await runAction({ slack, tracker }, name, body));
  }),
});

export const sandboxRoutes = (slack: FakeSlack, options: SandboxRouteOptions = {}): CustomRoute[] => {
  const onError = options.onError ?? ((error: unknown) => console.error('sandbox:', error));
  const context: SandboxContext = {
    slack,
    ws: slack.workspace,
    tracker: new ChangeTracker(slack),
    safely: (handler) => safely(handler, onError),
  };
  return [...pageRoutes(context), ...stateRoutes(context), ...fileRoutes(context), actionRoute(context)];
};
