import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { z } from 'zod';
import type { ApiMaintenanceInput } from '../../app/alerts/api-maintenance.js';
import type { ApiMaintenance } from '../../app/alerts/alert-ports.js';
import { isDomainError } from '../../domain/errors.js';
import { safeEqual } from '../postmortem-route.js';
import { describeIssues, timestamp } from './formats/common.js';
import { bearerToken, readBody } from './read-body.js';
import { refuse, sendJson } from './respond.js';

export interface MaintenanceApi {
  token(): string | undefined;
  put(input: ApiMaintenanceInput): Promise<{ window: ApiMaintenance; created: boolean }>;
  cancel(id: string): Promise<ApiMaintenance | undefined>;
  onError(error: unknown): void;
}

const windowBody = z.object(
  {
    id: z.string({ error: 'is required (your change id, e.g. CHG-4471)' }).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be letters, digits, ., _, : or - (at most 100)'),
    title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    services: z.array(z.string(), { error: 'must be a list of service ids' }).min(1, 'must name at least one service'),
    starts_at: timestamp.refine((value) => value !== null, 'is required'),
    ends_at: timestamp.refine((value) => value !== null, 'is required'),
    public: z.boolean({ error: 'must be true or false' }).default(false),
    message: z.string().max(2000).optional(),
  },
  { error: 'must be a JSON object { id, title, services, starts_at, ends_at, public }' },
);

const view = (window: ApiMaintenance) => ({
  id: window.id,
  title: window.title,
  services: window.services,
  starts_at: new Date(window.startsAt).toISOString(),
  ends_at: new Date(window.endsAt).toISOString(),
  public: window.isPublic,
  cancelled_at: window.cancelledAt === null ? null : new Date(window.cancelledAt).toISOString(),
});

const authorized = (api: MaintenanceApi, request: IncomingMessage): boolean => {
  const expected = api.token();
  const given = bearerToken(request);
  return expected !== undefined && given !== undefined && safeEqual(expected, given);
};

const guard = (api: MaintenanceApi, work: (request: IncomingMessage, response: ServerResponse) => Promise<void>) => (request: IncomingMessage, response: ServerResponse) => {
  if (api.token() === undefined) return refuse(response, 404, 'the API is off: set api.token_env in the configuration');
  if (!authorized(api, request)) {
    request.resume();
    return refuse(response, 401, 'missing or unknown token: send Authorization: Bearer <api token>', { 'www-authenticate': 'Bearer' });
  }
  void work(request, response).catch((error: unknown) => {
    if (isDomainError(error)) return refuse(response, 400, error.message);
    api.onError(error);
    if (!response.headersSent) refuse(response, 500, 'internal error');
  });
};

/** POST /api/maintenance (create or update by id) and DELETE /api/maintenance/<id>. */
export const maintenanceRoutes = (api: MaintenanceApi): CustomRoute[] => [
  {
    path: '/api/maintenance',
    method: ['POST'],
    handler: guard(api, async (request, response) => {
      const body = await readBody(request, 64 * 1024);
      if (!body.ok) return refuse(response, body.status, body.reason);
      let json: unknown;
      try {
        json = JSON.parse(body.text);
      } catch {
        return refuse(response, 400, 'the body is not valid JSON');
      }
      const parsed = windowBody.safeParse(json);
      if (!parsed.success) return refuse(response, 400, describeIssues(parsed.error));
      const { id, title, services, starts_at, ends_at, message } = parsed.data;
      const result = await api.put({ id, title, services, startsAt: starts_at!, endsAt: ends_at!, isPublic: parsed.data.public, message: message ?? null });
      sendJson(response, result.created ? 201 : 200, view(result.window));
    }),
  },
  {
    path: '/api/maintenance/:id',
    method: ['DELETE'],
    handler: guard(api, async (request, response) => {
      const params = (request as IncomingMessage & { params?: Record<string, string | undefined> }).params;
      const id = params?.id ?? '';
      const cancelled = await api.cancel(id);
      if (!cancelled) return refuse(response, 404, `no open maintenance window with id ${id}`);
      sendJson(response, 200, view(cancelled));
    }),
  },
];
