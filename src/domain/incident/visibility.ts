import type { FollowUp } from '../postmortem/types.js';
import type { Incident } from './incident.js';

/** Who is looking, and from where: anyone who can use the incident's own channel is in it. */
export interface Viewer {
  userId: string;
  /** The channel the request came from, as Slack signed it. */
  channelId?: string | undefined;
}

/**
 * A private (security) incident is shown only to the people in it: its reporter, its role holders, and
 * whoever acts from inside its private channel (Slack lets only members do that).
 */
export const canSeeIncident = (incident: Incident, viewer: Viewer): boolean =>
  !incident.isPrivate ||
  incident.reporterId === viewer.userId ||
  Object.values(incident.roles).includes(viewer.userId) ||
  (incident.channelId !== null && incident.channelId === viewer.channelId);

/** A follow-up is as private as its incident, except to the person who owns it or wrote it down. */
export const canSeeFollowUp = (followUp: FollowUp, incident: Incident | undefined, viewer: Viewer): boolean =>
  followUp.ownerId === viewer.userId ||
  followUp.createdBy === viewer.userId ||
  (incident !== undefined && canSeeIncident(incident, viewer));
