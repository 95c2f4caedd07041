import type { App } from '@slack/bolt';
import { viewIds } from '../../ids.js';
import type { ListenerContext } from '../context.js';
import { followUpForm, pageForm, roleForm, severityForm, statusForm, updateForm } from './incident-forms.js';
import { addToTimelineForm, declareForm, maintenanceForm, silenceForm } from './workspace-forms.js';

export const registerViews = (app: App, ctx: ListenerContext): void => {
  app.view(viewIds.declare, declareForm(ctx));
  app.view(viewIds.status, statusForm(ctx));
  app.view(viewIds.severity, severityForm(ctx));
  app.view(viewIds.role, roleForm(ctx));
  app.view(viewIds.maintenance, maintenanceForm(ctx));
  app.view(viewIds.followUp, followUpForm(ctx));
  app.view(viewIds.addToTimeline, addToTimelineForm(ctx));
  app.view(viewIds.silence, silenceForm(ctx));
  app.view(viewIds.page, pageForm(ctx));
  app.view(viewIds.update, updateForm(ctx));
};
