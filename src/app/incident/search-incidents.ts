import type { Incident } from '../../domain/incident/incident.js';
import { postmortemUrl } from '../postmortem/postmortem-input.js';
import type { SearchHit, SimilarIncident, UseCaseDeps } from '../ports.js';

const withPostmortem = (deps: UseCaseDeps, { incident, hit }: { incident: Incident; hit: SearchHit }): SimilarIncident => {
  const postmortem = deps.postmortems.find(incident.id);
  return {
    incident,
    postmortemUrl: postmortem ? postmortemUrl(deps, incident.id, postmortem.token) : null,
    match: { field: hit.field, snippet: hit.snippet },
  };
};

const withIncidents = (deps: UseCaseDeps, hits: SearchHit[]) =>
  hits.flatMap((hit) => {
    const incident = deps.incidents.findById(hit.incidentId);
    return incident ? [{ incident, hit }] : [];
  });

/** `/incident search <words>`: past incidents by what people wrote in them, best first. Private ones stay hidden. */
export const searchIncidents = (deps: UseCaseDeps, words: string, limit = 10): SimilarIncident[] =>
  withIncidents(deps, deps.search.search(words.split(/\s+/), { limit: limit * 2 }))
    .filter(({ incident }) => !incident.isPrivate)
    .slice(0, limit)
    .map((found) => withPostmortem(deps, found));

/** On declare: up to three similar past incidents and their postmortems, posted in the new channel. */
export const suggestSimilarIncidents = async (deps: UseCaseDeps, incident: Incident): Promise<SimilarIncident[]> => {
  const similar = withIncidents(deps, deps.search.search([incident.title, ...incident.services], { limit: 10, anyWord: true, excludeIncidentId: incident.id }))
    .filter(({ incident: past }) => !past.isPrivate && !past.isDrill && past.declaredAt < incident.declaredAt)
    .slice(0, 3)
    .map((found) => withPostmortem(deps, found));
  if (similar.length > 0 && incident.channelId) await deps.notifier.postSimilarIncidents(incident.channelId, similar);
  return similar;
};
