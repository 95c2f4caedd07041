import type { App } from '@slack/bolt';
import { shortcutIds } from '../../ids.js';
import { resolveChannelIncident } from '../channel-incident.js';
import type { ListenerContext } from '../context.js';
import { addToTimelineShortcut } from './add-to-timeline.js';

export const registerShortcuts = (app: App, ctx: ListenerContext): void => {
  app.shortcut(shortcutIds.addToTimeline, resolveChannelIncident(ctx), addToTimelineShortcut(ctx));
};
