import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Clock, KnownPerson, PeopleDirectory } from '../app/ports.js';
import { parseSlackUser } from './parse/slack-user.js';
import { slackErrorCode } from './slack-error.js';

export interface PeopleDirectoryOptions {
  client: WebClient;
  clock: Clock;
  logger: Logger;
  /** How long a name is trusted without user_change news; an hour by default. */
  ttlMs?: number;
  /** How often an unknown `@name` may make the bot list the workspace again (users.list is tier 2). */
  relistAfterMs?: number;
}

interface Cached {
  person: KnownPerson;
  fetchedAt: number;
}

/** Reads every member of the workspace into the cache, page by page (users.list). */
const listWorkspace = async (client: WebClient, remember: (person: KnownPerson) => void): Promise<void> => {
  let cursor: string | undefined;
  do {
    const page = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const member of page.members ?? []) {
      const person = parseSlackUser(member);
      if (person) remember(person);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
};

/** The one active person whose handle, else whose display name, is `name` (any case); none if several. */
const matchName = (entries: Iterable<Cached>, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  const live = [...entries].filter((entry) => !entry.person.deleted);
  const byHandle = live.filter((entry) => entry.person.handle.toLowerCase() === wanted);
  const candidates = byHandle.length > 0 ? byHandle : live.filter((entry) => entry.person.displayName.toLowerCase() === wanted);
  return candidates.length === 1 ? candidates[0]!.person.id : undefined;
};

/**
 * users.info behind an in-memory cache: names change rarely, and Slack tells the bot when they do
 * (user_change). Memory is enough: after a restart the cache fills again on first use.
 */
export const createPeopleDirectory = ({ client, clock, logger, ttlMs = 60 * 60_000, relistAfterMs = 60_000 }: PeopleDirectoryOptions): PeopleDirectory => {
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<KnownPerson | undefined>>();
  let listedAt: number | undefined;
  const log = logger.child({ module: 'people' });

  const remember = (person: KnownPerson) => cache.set(person.id, { person, fetchedAt: clock.now() });
  const fresh = (entry: Cached | undefined) => entry !== undefined && clock.now() - entry.fetchedAt < ttlMs;

  const fetchOne = async (userId: string): Promise<KnownPerson | undefined> => {
    try {
      const person = parseSlackUser((await client.users.info({ user: userId })).user);
      if (person) remember(person);
      return person;
    } catch (error) {
      // A stale name beats none when Slack is unavailable; an unknown id is simply shown as it is.
      log.warn({ userId, slackError: slackErrorCode(error) }, 'could not look up a user');
      return cache.get(userId)?.person;
    }
  };

  const lookUp = (userId: string): Promise<KnownPerson | undefined> => {
    const entry = cache.get(userId);
    if (fresh(entry)) return Promise.resolve(entry!.person);
    const pending = inFlight.get(userId) ?? fetchOne(userId).finally(() => inFlight.delete(userId));
    inFlight.set(userId, pending);
    return pending;
  };

  const listEveryone = async (): Promise<void> => {
    listedAt = clock.now();
    await listWorkspace(client, remember);
  };

  return {
    names: async (userIds) => {
      const ids = [...new Set(userIds)].filter((id) => /^[UW][A-Z0-9]+$/.test(id));
      const people = await Promise.all(ids.map(lookUp));
      return Object.fromEntries(people.filter((p): p is KnownPerson => p !== undefined).map((p) => [p.id, p.displayName]));
    },
    findByName: async (name) => {
      const found = matchName(cache.values(), name);
      if (found || (listedAt !== undefined && clock.now() - listedAt < relistAfterMs)) return found;
      try {
        await listEveryone();
      } catch (error) {
        log.warn({ slackError: slackErrorCode(error) }, 'could not list users');
      }
      return matchName(cache.values(), name);
    },
    remember,
  };
};
