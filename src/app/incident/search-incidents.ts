import type { Incident } from '../../domain/incident/incident.js';
import { postmortemUrl } from '../postmortem/postmortem-input.js';
import type { SearchHit, SimilarIncident } from './ports.js';
import type { UseCaseDeps } from '../use-case-deps.js';
import type { SendOnce } from '../outbound.js';

const withPostmortem = (deps: Pick<UseCaseDeps, 'postmortems' | 'publicUrl'>, { incident, hit }: { incident: Incident; hit: SearchHit }): SimilarIncident => {
  const postmortem = deps.postmortems.find(incident.id);
  return {
    incident,
    postmortemUrl: postmortem ? postmortemUrl(deps, incident.id, postmortem.token) : null,
    match: { field: hit.field, snippet: hit.snippet },
  };
};

const withIncidents = (deps: Pick<UseCaseDeps, 'incidents'>, hits: SearchHit[]) =>
  hits.flatMap((hit) => {
    const incident = deps.incidents.findById(hit.incidentId);
    return incident ? [{ incident, hit }] : [];
  });

export type SearchIncidentsDeps = Pick<UseCaseDeps, 'incidents' | 'postmortems' | 'publicUrl' | 'search'>;

/** `/incident search <words>`: past incidents by what people wrote in them, best first. Private ones stay hidden. */
export const searchIncidents = (deps: SearchIncidentsDeps, words: string, limit = 10): SimilarIncident[] =>
  withIncidents(deps, deps.search.search(words.split(/\s+/), { limit: limit * 2 }))
    .filter(({ incident }) => !incident.isPrivate)
    .slice(0, limit)
    .map((found) => withPostmortem(deps, found));

export type SuggestSimilarIncidentsDeps = Pick<UseCaseDeps, 'incidents' | 'notifier' | 'postmortems' | 'publicUrl' | 'search'>;

/** On declare: up to three similar past incidents and their postmortems, posted in the new channel. */
export const suggestSimilarIncidents = async (deps: SuggestSimilarIncidentsDeps, incident: Incident, once?: SendOnce): Promise<SimilarIncident[]> => {
  const similar = withIncidents(deps, deps.search.search([incident.title, ...incident.services], { limit: 10, anyWord: true, excludeIncidentId: incident.id }))
    .filter(({ incident: past }) => !past.isPrivate && !past.isDrill && past.declaredAt < incident.declaredAt)
    .slice(0, 3)
    .map((found) => withPostmortem(deps, found));
  if (similar.length > 0 && incident.channelId) await deps.notifier.post(incident.channelId, { kind: 'similar_incidents', similar }, once);
  return similar;
};
