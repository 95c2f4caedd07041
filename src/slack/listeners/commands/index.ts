import type { App } from '@slack/bolt';
import { resolveChannelIncident } from '../channel-incident.js';
import type { ListenerContext } from '../context.js';
import { incidentCommand } from './incident-command.js';

export const registerCommands = (app: App, ctx: ListenerContext): void => {
  app.command('/incident', resolveChannelIncident(ctx), incidentCommand(ctx));
};
