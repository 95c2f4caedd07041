import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { incidentCommand } from './incident-command.js';

export const registerCommands = (app: App, ctx: ListenerContext): void => {
  app.command('/incident', incidentCommand(ctx));
};
