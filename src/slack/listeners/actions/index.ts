import type { App } from '@slack/bolt';
import { actionIds } from '../../ids.js';
import type { ListenerContext } from '../context.js';
import { declareButton, joinButton, resolveButton, roleButton, severityButton, statusButton, updateButton } from './card-actions.js';

export const registerActions = (app: App, ctx: ListenerContext): void => {
  app.action(actionIds.updateStatus, statusButton(ctx));
  app.action(actionIds.changeSeverity, severityButton(ctx));
  app.action(actionIds.assignRole, roleButton(ctx));
  app.action(actionIds.postUpdate, updateButton(ctx));
  app.action(actionIds.resolve, resolveButton(ctx));
  app.action(actionIds.join, joinButton(ctx));
  app.action(actionIds.declare, declareButton(ctx));
};
