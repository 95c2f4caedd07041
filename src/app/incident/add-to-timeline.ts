import { DomainError } from '../../domain/errors.js';
import { tsToMillis } from '../time.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { messageKey } from './record-channel-activity.js';

export interface AddToTimelineInput {
  channelId: string;
  messageTs: string;
  messageUserId: string | null;
  messageText: string;
  actorId: string;
  comment: string;
}

/** The "Add to incident timeline" message shortcut: the message becomes a curated entry, with a comment. */
export const addToTimeline = (deps: Pick<UseCaseDeps, 'incidents' | 'notifier' | 'timeline'>, input: AddToTimelineInput): 'added' | 'already' => {
  const incident = deps.incidents.findByChannel(input.channelId);
  if (!incident) throw new DomainError('NOT_AN_INCIDENT_CHANNEL', 'Only messages in an incident channel can be added to its timeline.');
  const permalink = deps.notifier.permalink(input.channelId, input.messageTs);
  const at = tsToMillis(input.messageTs);
  // The message may predate the bot's arrival or be a bot's own: store it so the draft can quote it.
  deps.timeline.appendOnce(
    incident.id,
    { kind: 'message', actorId: input.messageUserId ?? 'unknown', at, text: input.messageText, data: {} },
    { ts: input.messageTs, permalink, sourceKey: messageKey(input.messageTs) },
  );
  const added = deps.timeline.appendOnce(
    incident.id,
    { kind: 'curated', actorId: input.actorId, at, text: input.messageText, data: { comment: input.comment.trim() } },
    { ts: input.messageTs, permalink, sourceKey: `curated:${input.messageTs}` },
  );
  return added ? 'added' : 'already';
};
