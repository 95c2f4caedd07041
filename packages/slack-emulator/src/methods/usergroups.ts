/** usergroups.list and usergroups.users.list. Disabled groups count only with include_disabled. */
import { boolArg, fail, stringArg, type MethodHandler } from '../method-args.js';
import { userGroupObject } from '../shapes.js';

const list: MethodHandler = (ctx) => {
  const withDisabled = boolArg(ctx.args, 'include_disabled');
  const withUsers = boolArg(ctx.args, 'include_users');
  const groups = [...ctx.ws.userGroups.values()].filter((g) => withDisabled || g.disabledAt === 0);
  return { ok: true, usergroups: groups.map((g) => userGroupObject(ctx.ws, g, withUsers)) };
};

const usersList: MethodHandler = (ctx) => {
  const group = ctx.ws.userGroup(stringArg(ctx.args, 'usergroup') ?? '');
  if (!group || (group.disabledAt !== 0 && !boolArg(ctx.args, 'include_disabled'))) return fail('no_such_subteam');
  return { ok: true, users: [...group.users] };
};

export const userGroupMethods: Record<string, MethodHandler> = {
  'usergroups.list': list,
  'usergroups.users.list': usersList,
};
