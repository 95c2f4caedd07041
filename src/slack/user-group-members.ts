import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { UserGroups } from '../app/ports.js';
import { classifySlackFailure, slackErrorCode } from './slack-error.js';

export interface UserGroupCache extends UserGroups {
  /**
   * Reads these groups (by default every group `groups()` names) again; resolves when each read has
   * ended, well or not. A reload passes the new configuration's groups: it is not in force yet.
   */
  refresh(groupIds?: string[]): Promise<void>;
  stop(): void;
}

export interface UserGroupCacheOptions {
  client: WebClient;
  logger: Logger;
  /** The groups whose members are kept: read now from the configuration in force. */
  groups: () => string[];
  /** How often every group is read again (usergroups.users.list is tier 2): 5 minutes by default. */
  everyMs?: number;
  /** A group never read whose last read failed is asked for again by a check only this long after (30 s). */
  askAgainAfterMs?: number;
  now?: () => number;
}

/**
 * The members of the user groups the permissions name, read from Slack beside the requests: a
 * permission check never waits for Slack, and a group Slack cannot be asked about keeps the members
 * last read (a failed read is logged once until one succeeds again), unless Slack says it no longer
 * exists.
 */
export const createUserGroupCache = ({ client, logger, groups, everyMs = 5 * 60_000, askAgainAfterMs = 30_000, now = () => Date.now() }: UserGroupCacheOptions): UserGroupCache => {
  const log = logger.child({ module: 'user-groups' });
  const members = new Map<string, ReadonlySet<string>>();
  const reading = new Map<string, Promise<void>>();
  // Groups whose last read failed, and when: a check reads one again only after askAgainAfterMs.
  const failing = new Map<string, number>();
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
          // Slack says the group is gone (deleted or disabled): its members grant nothing any more.
          if (slackErrorCode(error) === 'no_such_subteam' && members.delete(groupId)) log.warn({ groupId }, 'a user group permissions name no longer exists; its members no longer count');
          const already = failing.has(groupId);
          failing.set(groupId, now());
          if (already) return;
          log.warn({ groupId, reason: classifySlackFailure(error).reason, known: members.has(groupId) }, 'could not read the members of a user group; keeping what was last read');
        },
      )
      .finally(() => reading.delete(groupId));
    reading.set(groupId, done);
    return done;
  };
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref();
  const refresh = async (groupIds = groups()) => {
    await Promise.all(groupIds.map(read));
  };
  return {
    membersOf: (groupId) => {
      const known = members.get(groupId);
      const failedAt = failing.get(groupId);
      if (!known && (failedAt === undefined || now() - failedAt >= askAgainAfterMs)) void read(groupId);
      return known;
    },
    // A group already read takes the change as announced; one the permissions name but that was
    // never read is read now; any other group of the workspace is none of the bot's business.
    changed: (groupId, added, removed) => {
      const known = members.get(groupId);
      const running = reading.get(groupId);
      // A read already under way may answer from before the change: read once more after it.
      if (running) void running.then(() => read(groupId));
      if (known) {
        members.set(groupId, new Set([...[...known].filter((user) => !removed.includes(user)), ...added]));
        log.info({ groupId, added: added.length, removed: removed.length }, 'user group members changed');
      } else if (groups().includes(groupId)) {
        void read(groupId);
      }
    },
    refresh,
    stop: () => clearInterval(timer),
  };
};
