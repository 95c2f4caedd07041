import type { TimelineEvent } from '../../domain/timeline/event.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** What people did in a channel, as the Slack layer parsed it from an event. */
export type ChannelActivity =
  | { type: 'message'; channelId: string; userId: string; ts: string; text: string; at: number }
  | { type: 'message_edited'; channelId: string; ts: string; text: string; at: number }
  | { type: 'message_deleted'; channelId: string; ts: string; at: number }
  | {
      type: 'reaction_added' | 'reaction_removed';
      channelId: string;
      userId: string;
      messageTs: string;
      reaction: string;
      at: number;
    }
  | { type: 'pin_added' | 'pin_removed'; channelId: string; userId: string; messageTs: string; at: number };

export type RecordOutcome = 'recorded' | 'updated' | 'duplicate' | 'not_an_incident' | 'unknown_message';

/** The source key of a channel message on the timeline: one entry per message, edits update it. */
export const messageKey = (ts: string) => `message:${ts}`;
const reactionKey = (ts: string, userId: string, reaction: string) => `reaction:${ts}:${userId}:${reaction}`;
const pinKey = (ts: string) => `pin:${ts}`;

/**
 * Keeps the incident's timeline in step with its channel: each Slack fact is stored once (keyed by
 * its source), edits replace the text and deletions blank it, so a postmortem never needs Slack's history.
 */
export const recordChannelActivity = (
  deps: Pick<UseCaseDeps, 'incidents' | 'timeline' | 'notifier'>,
  activity: ChannelActivity,
): RecordOutcome => {
  const incident = deps.incidents.findByChannel(activity.channelId);
  if (!incident) return 'not_an_incident';
  const { timeline, notifier } = deps;
  const append = (event: TimelineEvent, ts: string, sourceKey: string): RecordOutcome => {
    if (timeline.appendOnce(incident.id, event, { ts, permalink: notifier.permalink(activity.channelId, ts), sourceKey })) return 'recorded';
    // A pin or reaction that was removed and is now back counts again; a resent event changes nothing.
    return event.kind !== 'message' && timeline.restore(incident.id, sourceKey, event.at) ? 'updated' : 'duplicate';
  };
  const updated = (changed: boolean): RecordOutcome => (changed ? 'updated' : 'unknown_message');

  switch (activity.type) {
    case 'message':
      return append(
        { kind: 'message', actorId: activity.userId, at: activity.at, text: activity.text, data: {} },
        activity.ts,
        messageKey(activity.ts),
      );
    case 'message_edited':
      return updated(timeline.edit(incident.id, messageKey(activity.ts), activity.text, activity.at));
    case 'message_deleted':
      return updated(timeline.remove(incident.id, messageKey(activity.ts), activity.at));
    case 'reaction_added':
      return append(
        { kind: 'reaction_added', actorId: activity.userId, at: activity.at, text: '', data: { reaction: activity.reaction } },
        activity.messageTs,
        reactionKey(activity.messageTs, activity.userId, activity.reaction),
      );
    case 'reaction_removed':
      return updated(
        timeline.remove(incident.id, reactionKey(activity.messageTs, activity.userId, activity.reaction), activity.at),
      );
    case 'pin_added':
      return append(
        { kind: 'pin_added', actorId: activity.userId, at: activity.at, text: '', data: {} },
        activity.messageTs,
        pinKey(activity.messageTs),
      );
    case 'pin_removed':
      return updated(timeline.remove(incident.id, pinKey(activity.messageTs), activity.at));
  }
};
