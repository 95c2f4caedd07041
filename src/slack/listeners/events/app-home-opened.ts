import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { listOpenIncidents } from '../../../app/incident/list-open-incidents.js';
import { viewerNoise } from '../../../app/alerts/alert-noise.js';
import { homeView, maxHomeIncidents } from '../../blocks/home.js';
import { nextShiftFor } from '../../../domain/escalation/schedule.js';
import type { ListenerContext } from '../context.js';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export const appHomeOpened = (ctx: ListenerContext) => async ({ event, client }: HomeArgs) => {
  if (event.tab && event.tab !== 'home') return;
  const now = ctx.deps.clock.now();
  const open = listOpenIncidents(ctx.deps, { viewerId: event.user, limit: maxHomeIncidents });
  const { schedules } = ctx.deps.config();
  const shift = schedules.length > 0 ? nextShiftFor(schedules, event.user, now) : undefined;
  const nextShift =
    schedules.length === 0
      ? null
      : shift && { scheduleName: schedules.find((schedule) => schedule.id === shift.scheduleId)?.name ?? shift.scheduleId, start: shift.start, end: shift.end };
  await client.views.publish({ user_id: event.user, view: homeView(open, now, nextShift, viewerNoise(ctx.deps, { viewerId: event.user })) });
};
