import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { listOpenIncidents } from '../../../app/incident/list-open-incidents.js';
import { viewerNoise } from '../../../app/alerts/alert-noise.js';
import { nextShiftOf } from '../../../app/paging/next-shift.js';
import { homeView, maxHomeIncidents } from '../../blocks/home.js';
import type { ListenerContext } from '../context.js';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export const appHomeOpened = (ctx: ListenerContext) => async ({ event, client }: HomeArgs) => {
  if (event.tab && event.tab !== 'home') return;
  const open = listOpenIncidents(ctx.deps, { viewerId: event.user, limit: maxHomeIncidents });
  await client.views.publish({ user_id: event.user, view: homeView(open, ctx.deps.clock.now(), nextShiftOf(ctx.deps, event.user), viewerNoise(ctx.deps, { viewerId: event.user })) });
};
