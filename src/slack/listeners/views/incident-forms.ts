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
import { refusing, submission } from './submission.js';
import { permissionProblem } from '../../../app/permissions/require-permission.js';
import type { RestrictedAction } from '../../../domain/permissions/permissions.js';
import { inputIds } from '../../ids.js';

/** The forms about one incident (its id in the form's metadata): parse, one use case. */

/** Why this person may not do `action` to the incident, next to `field`; undefined when they may (or it is gone: the use case says so). */
const refusal = (ctx: ListenerContext, action: RestrictedAction, field: string, incidentId: string, userId: string) => {
  const incident = ctx.deps.incidents.findById(incidentId);
  const message = incident ? permissionProblem(ctx.deps, action, userId, incident) : undefined;
  return message ? { field, message } : undefined;
};

export const statusForm = (ctx: ListenerContext) =>
  submission(
    ctx,
    refusing(parseStatusView, (value, userId) => (value.to === 'cancelled' ? refusal(ctx, 'cancel', inputIds.status, value.incidentId, userId) : undefined)),
    ({ value, userId }) =>
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
  submission(
    ctx,
    // Only a customer message needs the permission: the update itself is anyone's to post.
    refusing(parseUpdateView, (value, userId) =>
      value.customerMessage || value.useTemplate
        ? refusal(ctx, 'publish', value.useTemplate ? inputIds.useTemplate : inputIds.customerMessage, value.incidentId, userId)
        : undefined,
    ),
    ({ value, userId }) => postUpdate(ctx.deps, { ...value, actorId: userId }),
  );
