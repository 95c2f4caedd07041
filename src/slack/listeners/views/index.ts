import type { App } from '@slack/bolt';
import { assignRole } from '../../../app/assign-role.js';
import { changeSeverity } from '../../../app/change-severity.js';
import { changeStatus } from '../../../app/change-status.js';
import { declareIncident } from '../../../app/declare-incident.js';
import { postUpdate } from '../../../app/post-update.js';
import { incidentKey } from '../../../domain/incident/incident.js';
import { viewIds } from '../../ids.js';
import { parseDeclareView } from '../../parse/declare-view.js';
import { parsePageView, parseRoleView, parseSeverityView, parseStatusView, parseUpdateView } from '../../parse/incident-views.js';
import { startPaging } from '../../../app/start-paging.js';
import type { ListenerContext } from '../context.js';
import { submission } from './submission.js';

export const registerViews = (app: App, ctx: ListenerContext): void => {
  const { deps } = ctx;
  app.view(
    viewIds.declare,
    submission(ctx, parseDeclareView, async ({ value, userId, tell }) => {
      const incident = await declareIncident(deps, { ...value, reporterId: userId });
      await tell(`:rotating_light: ${incidentKey(incident)} declared: <#${incident.channelId}>`);
    }),
  );
  app.view(
    viewIds.status,
    submission(ctx, parseStatusView, ({ value, userId }) =>
      changeStatus(deps, { incidentId: value.incidentId, to: value.to, actorId: userId, reason: value.reason }),
    ),
  );
  app.view(
    viewIds.severity,
    submission(ctx, parseSeverityView, ({ value, userId }) => changeSeverity(deps, { ...value, actorId: userId })),
  );
  app.view(
    viewIds.role,
    submission(ctx, parseRoleView, ({ value, userId }) => assignRole(deps, { ...value, actorId: userId })),
  );
  app.view(
    viewIds.page,
    submission(ctx, parsePageView, ({ value, userId }) => startPaging(deps, { ...value, requestedBy: userId })),
  );
  app.view(
    viewIds.update,
    submission(ctx, parseUpdateView, ({ value, userId }) => postUpdate(deps, { ...value, actorId: userId })),
  );
};
