import type { Incident } from '../domain/incident/incident.js';
import { postmortemUrl } from './postmortem-input.js';
import type { SimilarIncident, UseCaseDeps } from './ports.js';

const withPostmortem = (deps: UseCaseDeps, incident: Incident): SimilarIncident => {
  const postmortem = deps.postmortems.find(incident.id);
  return { incident, postmortemUrl: postmortem ? postmortemUrl(deps, incident.id, postmortem.token) : null };
};

/** `/incident search <words>`: past incidents by title, summary, timeline and postmortem. Private ones stay hidden. */
export const searchIncidents = (deps: UseCaseDeps, words: string, limit = 10): SimilarIncident[] =>
  deps.search
    .search(words.split(/\s+/), { limit: limit * 2 })
    .map((hit) => deps.incidents.findById(hit.incidentId))
    .filter((incident): incident is Incident => incident !== undefined && !incident.isPrivate)
    .slice(0, limit)
    .map((incident) => withPostmortem(deps, incident));

/** On declare: up to three similar past incidents and their postmortems, posted in the new channel. */
export const suggestSimilarIncidents = async (deps: UseCaseDeps, incident: Incident): Promise<SimilarIncident[]> => {
  const similar = deps.search
    .search([incident.title, ...incident.services], { limit: 10, anyWord: true, excludeIncidentId: incident.id })
    .map((hit) => deps.incidents.findById(hit.incidentId))
    .filter((past): past is Incident => past !== undefined && !past.isPrivate && !past.isDrill && past.declaredAt < incident.declaredAt)
    .slice(0, 3)
    .map((past) => withPostmortem(deps, past));
  if (similar.length > 0 && incident.channelId) await deps.notifier.postSimilarIncidents(incident.channelId, similar);
  return similar;
};
