import type { App } from '@slack/bolt';
import { actionIds } from '../../ids.js';
import type { ListenerContext } from '../context.js';
import { declareButton, retryChannelButton, joinButton, pageButton, resolveButton, roleButton, severityButton, statusButton, updateButton } from './card-actions.js';
import { acknowledgeButton, escalateNowButton, snoozeMenu } from './page-actions.js';
import { completeFollowUpButton, confirmCloseButton } from './follow-up-actions.js';
import { cancelMaintenanceButton } from './maintenance-actions.js';
import { openIncidentModal } from './card-actions.js';
import { followUpModal } from '../../blocks/modals.js';

export const registerActions = (app: App, ctx: ListenerContext): void => {
  app.action(actionIds.updateStatus, statusButton(ctx));
  app.action(actionIds.changeSeverity, severityButton(ctx));
  app.action(actionIds.assignRole, roleButton(ctx));
  app.action(actionIds.postUpdate, updateButton(ctx));
  app.action(actionIds.resolve, resolveButton(ctx));
  app.action(actionIds.join, joinButton(ctx));
  app.action(actionIds.declare, declareButton(ctx));
  app.action(actionIds.page, pageButton(ctx));
  app.action(actionIds.acknowledgePage, acknowledgeButton(ctx));
  app.action(actionIds.escalateNow, escalateNowButton(ctx));
  app.action(actionIds.reminderPostUpdate, updateButton(ctx));
  app.action(actionIds.snoozeReminder, snoozeMenu(ctx));
  app.action(actionIds.addFollowUp, openIncidentModal(ctx, followUpModal));
  app.action(actionIds.completeFollowUp, completeFollowUpButton(ctx));
  app.action(actionIds.confirmClose, confirmCloseButton(ctx));
  app.action(actionIds.cancelMaintenance, cancelMaintenanceButton(ctx));
  app.action(actionIds.retryChannel, retryChannelButton(ctx));
};
