import { DomainError } from '../domain/errors.js';
import { channelNameCandidate, renderChannelName } from '../domain/incident/channel-name.js';
import { incidentKey, type Incident } from '../domain/incident/incident.js';
import type { NewIncident, UseCaseDeps } from './ports.js';
import { reminderKeys, scheduleUpdateReminder } from './reminders.js';
import { startPaging } from './start-paging.js';
import { postExecutiveSummary } from './executive-summary.js';
import { suggestSimilarIncidents } from './search-incidents.js';
import { inviteExperts } from './invite-experts.js';
import { findService, policyForService } from '../domain/escalation/escalation.js';
import { isDomainError } from '../domain/errors.js';
import { timerMs } from '../domain/incident/drills.js';

const startTimers = (deps: UseCaseDeps, incident: Incident) => {
  const now = deps.clock.now();
  deps.jobs.schedule(
    {
      kind: 'commander_missing',
      key: reminderKeys.commanderMissing(incident.id),
      incidentId: incident.id,
      dueAt: now + timerMs(incident, deps.config().nudges.commanderMissingAfter.ms, deps.config().drills.speedup),
    },
    now,
  );
  scheduleUpdateReminder(deps, incident);
};

/** Severities whose policy says `page: true` page every affected service that has an escalation policy. */
const pageServices = async (deps: UseCaseDeps, incident: Incident) => {
  const config = deps.config();
  if (!config.severities[incident.severity].page) return;
  // Services sharing a policy (one team's) page its people once, not once per service.
  const pagedPolicies = new Set<string>();
  for (const name of incident.services) {
    const service = findService(config, name);
    const policy = service ? policyForService(config, service) : undefined;
    if (!service || !policy || pagedPolicies.has(policy.id)) continue;
    pagedPolicies.add(policy.id);
    try {
      await startPaging(deps, { incidentId: incident.id, target: { kind: 'service', id: service.id }, requestedBy: incident.reporterId });
    } catch (error) {
      if (!isDomainError(error) || !incident.channelId) throw error;
      await deps.notifier.postToChannel(incident.channelId, `:warning: Could not page ${service.name}: ${error.message}`);
    }
  }
};

const maxNameAttempts = 20;

/**
 * Creates INC-<n>, its channel (the next free name when one is taken), topic, members, pinned card,
 * announcement and the commander's checklist.
 */
export const declareIncident = async (deps: UseCaseDeps, input: NewIncident): Promise<Incident> => {
  const { incidents, notifier, clock, settings } = deps;
  const created = incidents.create(input, clock.now());
  deps.log.info({ incidentId: created.id, incident: incidentKey(created), severity: created.severity }, 'incident declared');
  // Drills get their own prefix so nobody mistakes the channel for a real incident.
  const baseName = renderChannelName(created.isDrill ? 'drill-{number}-{slug}' : settings.channelNameTemplate, created);

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
  await notifier.inviteUsers(channel.id, [...new Set([input.reporterId, ...(input.commanderId ? [input.commanderId] : [])])]);
  await inviteExperts(deps, incident);
  const cardTs = await notifier.postCard(incident);
  incident = incidents.setSlackRefs(incident.id, { cardTs });

  const announcements = settings.announcementsChannel ?? deps.config().channels.announcements;
  if (announcements && !incident.isPrivate) {
    const announcementTs = await notifier.postAnnouncement(announcements, incident);
    incident = incidents.setSlackRefs(incident.id, {
      announcementChannelId: announcements,
      announcementTs,
    });
  }
  if (input.commanderId) await notifier.sendRoleChecklist(input.commanderId, incident, 'commander');
  startTimers(deps, incident);
  await pageServices(deps, incident);
  await postExecutiveSummary(deps, incident, 'declared');
  await suggestSimilarIncidents(deps, incident);
  deps.log.info({ incidentId: incident.id, incident: incidentKey(incident), channelId: channel.id }, 'incident channel ready');
  return incident;
};
