import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { appHomeOpened } from './app-home-opened.js';
import { channelActivity } from './channel-activity.js';
import { userChange } from './user-change.js';
import { userGroupChange } from './user-group-change.js';

export const registerEvents = (app: App, ctx: ListenerContext): void => {
  const activity = channelActivity(ctx);
  app.event('message', activity);
  app.event('reaction_added', activity);
  app.event('reaction_removed', activity);
  app.event('pin_added', activity);
  app.event('pin_removed', activity);
  app.event('app_home_opened', appHomeOpened(ctx));
  app.event('user_change', userChange(ctx));
  app.event('subteam_members_changed', userGroupChange(ctx));
};
