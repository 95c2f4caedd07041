import { DomainError } from '../domain/errors.js';
import type { TimelineEntry } from '../domain/timeline/event.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from './ports.js';
import { escapeUserText } from '../domain/communication/slack-text.js';

export interface AddNoteInput {
  incidentId: string;
  actorId: string;
  text: string;
}

/** A note is echoed in the channel so everyone sees it, and the echo is its permalink. */
export const addNote = async (deps: UseCaseDeps, input: AddNoteInput): Promise<TimelineEntry> => {
  const text = input.text.trim();
  if (!text) throw new DomainError('INVALID_INPUT', 'A note needs some text: `/incident note <what happened>`.', 'text');
  const incident = incidentById(deps.incidents, input.incidentId);
  const now = deps.clock.now();
  let source;
  if (incident.channelId) {
    const ts = await deps.notifier.postToChannel(incident.channelId, `:memo: Note from <@${input.actorId}>: ${escapeUserText(text)}`);
    source = { ts, permalink: deps.notifier.permalink(incident.channelId, ts), sourceKey: null };
  }
  deps.log.info({ incidentId: incident.id, actorId: input.actorId }, 'note added');
  return deps.timeline.append(incident.id, { kind: 'note', actorId: input.actorId, at: now, text, data: {} }, source);
};
