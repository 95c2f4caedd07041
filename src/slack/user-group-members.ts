import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { UserGroups } from '../app/ports.js';
import { classifySlackFailure } from './slack-error.js';

export interface UserGroupCache extends UserGroups {
  /** Reads every group `groups()` names again; resolves when each read has ended, well or not. */
  refresh(): Promise<void>;
  stop(): void;
}

export interface UserGroupCacheOptions {
  client: WebClient;
  logger: Logger;
  /** The groups whose members are kept: read now from the configuration in force. */
  groups: () => string[];
  /** How often every group is read again (usergroups.users.list is tier 2): 5 minutes by default. */
  everyMs?: number;
}

/**
 * The members of the user groups the permissions name, read from Slack beside the requests: a
 * permission check never waits for Slack, and a group Slack cannot be asked about keeps the members
 * last read (a failed read is logged once until one succeeds again).
 */
export const createUserGroupCache = ({ client, logger, groups, everyMs = 5 * 60_000 }: UserGroupCacheOptions): UserGroupCache => {
  const log = logger.child({ module: 'user-groups' });
  const members = new Map<string, ReadonlySet<string>>();
  const reading = new Map<string, Promise<void>>();
  const failing = new Set<string>();
  const read = (groupId: string): Promise<void> => {
    const running = reading.get(groupId);
    if (running) return running;
    const done = client.usergroups.users
      .list({ usergroup: groupId })
      .then(
        (result) => {
          members.set(groupId, new Set(result.users ?? []));
          if (failing.delete(groupId)) log.info({ groupId }, 'read the members of a user group again');
        },
        (error: unknown) => {
          if (failing.has(groupId)) return;
          failing.add(groupId);
          log.warn({ groupId, reason: classifySlackFailure(error).reason, known: members.has(groupId) }, 'could not read the members of a user group; keeping what was last read');
        },
      )
      .finally(() => reading.delete(groupId));
    reading.set(groupId, done);
    return done;
  };
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref();
  const refresh = async () => {
    await Promise.all(groups().map(read));
  };
  return {
    membersOf: (groupId) => {
      const known = members.get(groupId);
      if (!known) void read(groupId);
      return known;
    },
    refresh,
    stop: () => clearInterval(timer),
  };
};
