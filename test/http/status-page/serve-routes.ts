import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute } from '@slack/bolt';

/**
 * Mounts Bolt custom routes on a plain node:http server the way Bolt's receivers do: the request's
 * path (query string ignored) picks the route, and a method the route does not list is a 404.
 */
export const serveRoutes = async (routes: CustomRoute[]): Promise<{ server: Server; baseUrl: string; close: () => Promise<void> }> => {
  const server = createServer((request: IncomingMessage, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = (request.method ?? 'GET').toUpperCase();
    const match = routes.find((candidate) => {
      const methods = Array.isArray(candidate.method) ? candidate.method : [candidate.method];
      return candidate.path === path && methods.some((m) => m.toUpperCase() === method);
    });
    if (!match) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    match.handler(Object.assign(request, { params: {} }), response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
