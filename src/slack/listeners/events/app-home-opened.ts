import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { listOpenIncidents } from '../../../app/incident/list-open-incidents.js';
import { viewerNoise } from '../../../app/alerts/alert-noise.js';
import { nextShiftOf } from '../../../app/paging/next-shift.js';
import { sloBudgetLines } from '../../../app/slo/slo-report.js';
import { homeView, maxHomeIncidents } from '../../blocks/home.js';
import type { ListenerContext } from '../context.js';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * The Home tab at once from the bot's own data; with SLOs, published again once their budgets are
 * read from Prometheus (a slow one never holds up the rest).
 */
export const appHomeOpened = (ctx: ListenerContext) => async ({ event, client }: HomeArgs) => {
  if (event.tab && event.tab !== 'home') return;
  const open = listOpenIncidents(ctx.deps, { viewerId: event.user, limit: maxHomeIncidents });
  const nextShift = nextShiftOf(ctx.deps, event.user);
  const noise = viewerNoise(ctx.deps, { viewerId: event.user });
  const publish = (budgets: Parameters<typeof homeView>[4]) => client.views.publish({ user_id: event.user, view: homeView(open, ctx.deps.clock.now(), nextShift, noise, budgets) });
  const hasSlos = ctx.deps.config().slos.length > 0;
  await publish(hasSlos ? 'reading' : null);
  if (hasSlos) await publish(await sloBudgetLines(ctx.deps));
};
