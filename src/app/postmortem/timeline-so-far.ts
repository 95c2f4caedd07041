import { curateTimeline, type CuratedEntry } from '../../domain/postmortem/curate-timeline.js';
import type { Incident } from '../../domain/incident/incident.js';
import { postmortemInput, type PostmortemInputDeps } from './postmortem-input.js';

/**
 * `/incident timeline`: the timeline as the postmortem would curate it now. The renderer says how a
 * person is named (a mention in Slack), so it gets a function of that.
 */
export const timelineSoFar =
  (deps: PostmortemInputDeps, incident: Incident) =>
  (names: (userId: string) => string): CuratedEntry[] =>
    curateTimeline(postmortemInput(deps, incident), { names });
