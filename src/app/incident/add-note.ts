import { DomainError } from '../../domain/errors.js';
import type { TimelineEntry } from '../../domain/timeline/event.js';
import { incidentById } from './find-incident.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import { escapeUserText } from '../../domain/communication/slack-text.js';
import { effect, enqueue } from '../effects/effect-jobs.js';

export interface AddNoteInput {
  incidentId: string;
  actorId: string;
  text: string;
}

/** How a note reads in the channel; the post_note job renders it when it runs. */
export const noteLine = (entry: Pick<TimelineEntry, 'actorId' | 'text'>) => `:memo: Note from <@${entry.actorId}>: ${escapeUserText(entry.text)}`;

export type AddNoteDeps = Pick<UseCaseDeps, 'atomically' | 'clock' | 'incidents' | 'jobs' | 'log' | 'timeline'>;

/**
 * A note is on the timeline the moment it is taken, with the job that echoes it in the channel so
 * everyone sees it; the echo, once posted, becomes the entry's permalink.
 */
export const addNote = async (deps: AddNoteDeps, input: AddNoteInput): Promise<TimelineEntry> => {
  const text = input.text.trim();
  if (!text) throw new DomainError('INVALID_INPUT', 'A note needs some text: `/incident note <what happened>`.', 'text');
  return deps.atomically(() => {
    const incident = incidentById(deps.incidents, input.incidentId);
    const entry = deps.timeline.append(incident.id, { kind: 'note', actorId: input.actorId, at: deps.clock.now(), text, data: {} });
    enqueue(deps, effect.postNote(incident.id, entry.id, input.actorId));
    deps.log.info({ incidentId: incident.id, actorId: input.actorId }, 'note added');
    return entry;
  });
};
