import type { RequestListener } from 'node:http';
import type { CustomRoute } from '@slack/bolt';

/**
 * Routes whose path has no parameters, answered by exact path before Bolt's router. Bolt compiles
 * a path-to-regexp matcher for every custom route on every request, which cost more per request
 * than taking an alert. Anything else (parameters, other methods, encoded paths) goes on to Bolt,
 * which answers it as before.
 */
export const exactRoutes = (routes: CustomRoute[]) => {
  const table = new Map<string, Map<string, CustomRoute['handler']>>();
  for (const route of routes) {
    if (/[:*(?]/.test(route.path)) continue;
    const methods = table.get(route.path) ?? new Map<string, CustomRoute['handler']>();
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) methods.set(method.toUpperCase(), route.handler);
    table.set(route.path, methods);
  }
  return (next: RequestListener): RequestListener =>
    (request, response) => {
      const url = request.url ?? '/';
      const query = url.indexOf('?');
      const handler = table.get(query < 0 ? url : url.slice(0, query))?.get(request.method ?? 'GET');
      if (!handler) return next(request, response);
      handler(Object.assign(request, { params: {} }), response);
    };
};
