import type { ServerResponse } from 'node:http';

/** GET /healthz: 200 when the database answers, 503 otherwise. Kubernetes and load balancers read this. */
export const healthRoute = (databaseAnswers: () => boolean) => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_request: unknown, response: ServerResponse) => {
    const healthy = databaseAnswers();
    response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', database: healthy ? 'ok' : 'unreachable' }));
  },
});
