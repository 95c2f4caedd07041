import { postUpdate } from '../../../app/communication/post-update.js';
import { assignRole } from '../../../app/incident/assign-role.js';
import { changeSeverity } from '../../../app/incident/change-severity.js';
import { changeStatus } from '../../../app/incident/change-status.js';
import { startPaging } from '../../../app/paging/start-paging.js';
import { addFollowUp } from '../../../app/postmortem/follow-ups.js';
import {
  parseFollowUpView,
  parsePageView,
  parseRoleView,
  parseSeverityView,
  parseStatusView,
  parseUpdateView,
} from '../../parse/incident-views.js';
import type { ListenerContext } from '../context.js';
import { submission } from './submission.js';

/** The forms about one incident (its id in the form's metadata): parse, one use case. */

export const statusForm = (ctx: ListenerContext) =>
  submission(ctx, parseStatusView, ({ value, userId }) =>
    changeStatus(ctx.deps, { incidentId: value.incidentId, to: value.to, actorId: userId, reason: value.reason }),
  );

export const severityForm = (ctx: ListenerContext) =>
  submission(ctx, parseSeverityView, ({ value, userId }) => changeSeverity(ctx.deps, { ...value, actorId: userId }));

export const roleForm = (ctx: ListenerContext) => submission(ctx, parseRoleView, ({ value, userId }) => assignRole(ctx.deps, { ...value, actorId: userId }));

export const pageForm = (ctx: ListenerContext) =>
  submission(ctx, parsePageView, ({ value, userId }) => startPaging(ctx.deps, { ...value, requestedBy: userId }));

export const followUpForm = (ctx: ListenerContext) =>
  submission(ctx, parseFollowUpView, ({ value, userId }) => addFollowUp(ctx.deps, { ...value, actorId: userId }));

export const updateForm = (ctx: ListenerContext) =>
  submission(ctx, parseUpdateView, ({ value, userId }) => postUpdate(ctx.deps, { ...value, actorId: userId }));
