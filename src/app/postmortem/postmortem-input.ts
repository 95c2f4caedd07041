import type { Incident } from '../../domain/incident/incident.js';
import type { PostmortemInput } from '../../domain/postmortem/types.js';
import { serviceNames } from '../communication/audiences.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export type PostmortemInputDeps = Pick<UseCaseDeps, 'clock' | 'config' | 'escalations' | 'followUps' | 'incidents' | 'timeline' | 'updates'>;

/** Everything the draft needs, from the bot's own storage: no Slack history is read. */
export const postmortemInput = (deps: PostmortemInputDeps, incident: Incident): PostmortemInput => {
  const config = deps.config();
  return {
    incident,
    roleHistory: deps.incidents.roleHistory(incident.id),
    timeline: deps.timeline.list(incident.id),
    updates: deps.updates.listForIncident(incident.id),
    pages: deps.escalations.listForIncident(incident.id).map(({ startedAt, acknowledgedAt, acknowledgedBy }) => ({ startedAt, acknowledgedAt, acknowledgedBy })),
    followUps: deps.followUps.listForIncident(incident.id),
    serviceNames: serviceNames(config, incident),
    timezone: config.timezone,
    curation: { keyReactions: config.postmortem.keyReactions, typedReactions: config.postmortem.typedReactions },
    generatedAt: deps.clock.now(),
  };
};

export const postmortemUrl = (deps: Pick<UseCaseDeps, 'publicUrl'>, incidentId: string, token: string): string =>
  `${deps.publicUrl()}/postmortems/${incidentId}/${token}.md`;
