import { DomainError } from '../domain/errors.js';
import { channelNameCandidate, renderChannelName } from '../domain/incident/channel-name.js';
import { incidentKey, type Incident } from '../domain/incident/incident.js';
import type { NewIncident, UseCaseDeps } from './ports.js';

const maxNameAttempts = 20;

/**
 * Creates INC-<n>, its channel (the next free name when one is taken), topic, members, pinned card,
 * announcement and the commander's checklist.
 */
export const declareIncident = async (deps: UseCaseDeps, input: NewIncident): Promise<Incident> => {
  const { incidents, notifier, clock, settings } = deps;
  const created = incidents.create(input, clock.now());
  deps.log.info({ incidentId: created.id, incident: incidentKey(created), severity: created.severity }, 'incident declared');
  const baseName = renderChannelName(settings.channelNameTemplate, created);

  let channel: { id: string; name: string } | undefined;
  for (let attempt = 1; attempt <= maxNameAttempts && !channel; attempt += 1) {
    const result = await notifier.createChannel(channelNameCandidate(baseName, attempt), input.isPrivate);
    if (result !== 'name_taken') channel = result;
  }
  if (!channel) {
    throw new DomainError('CHANNEL_NAME_UNAVAILABLE', `No free channel name near #${baseName} after ${maxNameAttempts} tries.`);
  }

  let incident = incidents.setSlackRefs(created.id, { channelId: channel.id, channelName: channel.name });
  await notifier.setTopic(incident);
  await notifier.inviteUsers(channel.id, [...new Set([input.reporterId, input.commanderId])]);
  const cardTs = await notifier.postCard(incident);
  incident = incidents.setSlackRefs(incident.id, { cardTs });

  if (settings.announcementsChannel && !incident.isPrivate) {
    const announcementTs = await notifier.postAnnouncement(settings.announcementsChannel, incident);
    incident = incidents.setSlackRefs(incident.id, {
      announcementChannelId: settings.announcementsChannel,
      announcementTs,
    });
  }
  await notifier.sendRoleChecklist(input.commanderId, incident, 'commander');
  deps.log.info({ incidentId: incident.id, incident: incidentKey(incident), channelId: channel.id }, 'incident channel ready');
  return incident;
};
