import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { byTier } from '../../../domain/escalation/services.js';
import { addNote } from '../../../app/incident/add-note.js';
import { assignRole } from '../../../app/incident/assign-role.js';
import { changeSeverity } from '../../../app/incident/change-severity.js';
import { changeStatus } from '../../../app/incident/change-status.js';
import { incidentForChannel } from '../../../app/incident/find-incident.js';
import { listOpenIncidents } from '../../../app/incident/list-open-incidents.js';
import { DomainError } from '../../../domain/errors.js';
import { parseRole } from '../../../domain/incident/roles.js';
import { parseSeverity } from '../../../domain/incident/severity.js';
import { isStatus, type Status } from '../../../domain/incident/status.js';
import { helpText, incidentList, maxListed } from '../../blocks/messages.js';
import { escape } from '../../blocks/text.js';
import { declareModal, maintenanceModal, pageModal, roleModal, severityModal, statusModal } from '../../blocks/modals.js';
import { updateModalFor } from '../update-modal.js';
import { onCallMessage } from '../../blocks/oncall.js';
import { whoIsOnCall } from '../../../app/paging/who-is-on-call.js';
import { curateTimeline } from '../../../domain/postmortem/curate-timeline.js';
import { postmortemInput } from '../../../app/postmortem/postmortem-input.js';
import { generatePostmortem } from '../../../app/postmortem/generate-postmortem.js';
import { addFollowUp, listFollowUps, type FollowUpView } from '../../../app/postmortem/follow-ups.js';
import { searchIncidents } from '../../../app/incident/search-incidents.js';
import { isDomainError } from '../../../domain/errors.js';
import { curatedTimelineMessage } from '../../blocks/timeline.js';
import { confirmCloseMessage, followUpList, searchResults } from '../../blocks/postmortem.js';
import { parseFollowUpCommand } from '../../parse/follow-up-command.js';
import { drillScenarios, findDrillScenario } from '../../../domain/incident/drills.js';
import { declareIncident } from '../../../app/incident/declare-incident.js';
import { setMilestone } from '../../../app/incident/set-milestone.js';
import { parseMilestoneTime } from '../../parse/milestone-time.js';
import { upcomingMaintenance } from '../../../app/communication/schedule-maintenance.js';
import { findService } from '../../../domain/escalation/escalation.js';
import { maintenanceList } from '../../blocks/communications.js';
import { incidentKey } from '../../../domain/incident/incident.js';
import { startPaging } from '../../../app/paging/start-paging.js';
import { handOver } from '../../../app/incident/hand-over.js';
import { parseCommandText, parseUserMention, unescapeSlackText } from '../../parse/command-text.js';
import type { ListenerContext } from '../context.js';
import { resolvePlainMentions, subcommandsNamingPeople, unknownPerson } from './typed-people.js';
import { reportingErrors } from '../report-error.js';
import { alertNoise } from '../../../app/alerts/alert-noise.js';
import { alertNoiseMessage } from '../../blocks/alert-noise.js';
import { activeSilences } from '../../../app/alerts/silence-alerts.js';
import { silenceList } from '../../blocks/silences.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** A word of the command echoed back in an answer: as typed, pinging nobody. */
const echo = (token: string): string => escape(unescapeSlackText(token));

const statusShortcuts: Record<string, Status> = {
  resolve: 'resolved',
  cancel: 'cancelled',
  reopen: 'investigating',
  close: 'closed',
};

/** `/incident …`: acknowledge at once, then route the subcommand to one use case. */
export const incidentCommand = (ctx: ListenerContext) => async ({ command, ack, respond, client }: CommandArgs) => {
  await ack();
  const { deps } = ctx;
  const logger = ctx.logger.child({ module: 'command', subcommand: command.text.split(' ')[0] ?? '' });
  const firstWord = command.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const parsed = parseCommandText(subcommandsNamingPeople.has(firstWord) ? await resolvePlainMentions(command.text, deps.people) : command.text);
  const userId = command.user_id;
  const tell = (text: string) => respond({ response_type: 'ephemeral', text });
  const inIncident = () => incidentForChannel(deps.incidents, command.channel_id);
  const openModal = (view: Parameters<typeof client.views.open>[0]['view']) =>
    client.views.open({ trigger_id: command.trigger_id, view });

  await reportingErrors(tell, logger, async () => {
    switch (parsed.name) {
      case '':
      case 'declare':
      case 'new':
        return openModal(
          declareModal({
            title: unescapeSlackText(parsed.rest),
            reporterId: userId,
            channelId: command.channel_id,
            services: byTier(deps.config().services),
          }),
        );
      case 'help':
        return respond({ response_type: 'ephemeral', text: helpText });
      case 'list':
        return respond({
          response_type: 'ephemeral',
          ...incidentList(listOpenIncidents(deps, { viewerId: userId, limit: maxListed }), deps.clock.now()),
        });
      case 'status': {
        const incident = inIncident();
        const to = parsed.args[0]?.toLowerCase();
        if (!to) return openModal(statusModal(incident));
        if (!isStatus(to)) {
          throw new DomainError('UNKNOWN_STATUS', `\`${echo(to)}\` is not a status. Use investigating, identified, monitoring, resolved or closed.`);
        }
        return changeStatus(deps, { incidentId: incident.id, to, actorId: userId, reason: unescapeSlackText(parsed.args.slice(1).join(' ')) });
      }
      case 'severity':
      case 'sev': {
        const incident = inIncident();
        if (!parsed.args[0]) return openModal(severityModal(incident));
        const to = parseSeverity(parsed.args[0]);
        if (!to) throw new DomainError('UNKNOWN_SEVERITY', `\`${echo(parsed.args[0])}\` is not a severity. Use SEV1, SEV2, SEV3 or SEV4.`);
        return changeSeverity(deps, { incidentId: incident.id, to, actorId: userId });
      }
      case 'role': {
        const incident = inIncident();
        const [roleName, who] = parsed.args;
        if (!roleName) return openModal(roleModal(incident));
        const role = parseRole(roleName);
        if (!role) throw new DomainError('UNKNOWN_ROLE', `\`${echo(roleName)}\` is not a role. Use commander, comms, scribe or ops.`);
        const assignee = who ? parseUserMention(who) : undefined;
        if (!assignee && unknownPerson(who)) throw new DomainError('INVALID_INPUT', `I can't find ${unknownPerson(who)} in this workspace.`);
        if (!assignee) return openModal(roleModal(incident, role));
        return assignRole(deps, { incidentId: incident.id, role, userId: assignee, actorId: userId });
      }
      case 'oncall':
      case 'on-call':
        return respond({ response_type: 'ephemeral', ...onCallMessage(whoIsOnCall(deps.config(), parsed.rest, deps.clock.now())) });
      case 'page': {
        const incident = inIncident();
        if (!parsed.rest.trim()) return openModal(pageModal(incident, byTier(deps.config().services)));
        const user = parseUserMention(parsed.args[0] ?? '');
        if (!user && unknownPerson(parsed.args[0])) throw new DomainError('INVALID_INPUT', `I can't find ${unknownPerson(parsed.args[0])} in this workspace.`);
        const target = user ? { kind: 'user' as const, id: user } : { kind: 'service' as const, id: parsed.rest.trim() };
        return startPaging(deps, { incidentId: incident.id, target, requestedBy: userId });
      }
      case 'handover': {
        const incident = inIncident();
        const to = parseUserMention(parsed.args[0] ?? '');
        if (!to && unknownPerson(parsed.args[0])) throw new DomainError('INVALID_INPUT', `I can't find ${unknownPerson(parsed.args[0])} in this workspace.`);
        if (!to) throw new DomainError('INVALID_INPUT', 'Name the new commander: `/incident handover @person`.');
        return handOver(deps, { incidentId: incident.id, toUserId: to, actorId: userId });
      }
      case 'alerts':
        return respond({ response_type: 'ephemeral', ...alertNoiseMessage(alertNoise(deps, { service: parsed.rest.trim() || null })) });
      case 'silences':
        return respond({ response_type: 'ephemeral', ...silenceList(activeSilences(deps)) });
      case 'maintenance':
        if (parsed.args[0]?.toLowerCase() === 'list') {
          const config = deps.config();
          return respond({
            response_type: 'ephemeral',
            ...maintenanceList(upcomingMaintenance(deps), (id) => findService(config, id)?.name ?? id),
          });
        }
        return openModal(maintenanceModal({ services: byTier(deps.config().services), now: deps.clock.now(), channelId: command.channel_id }));
      case 'timeline': {
        const incident = inIncident();
        const input = postmortemInput(deps, incident);
        return respond({ response_type: 'ephemeral', ...curatedTimelineMessage(incident, (person) => curateTimeline(input, { names: person })) });
      }
      case 'postmortem': {
        const incident = inIncident();
        await respond({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Assembling the postmortem draft from the timeline…' });
        return generatePostmortem(deps, { incidentId: incident.id, actorId: userId });
      }
      case 'followup':
      case 'follow-up': {
        const incident = inIncident();
        const parsedFollowUp = parseFollowUpCommand(unescapeSlackText(parsed.rest), deps.config().timezone);
        if (parsedFollowUp.badDate) throw new DomainError('INVALID_INPUT', `\`${parsedFollowUp.badDate}\` is not a date; write it as YYYY-MM-DD.`);
        return addFollowUp(deps, { incidentId: incident.id, ...parsedFollowUp, actorId: userId });
      }
      case 'followups':
      case 'follow-ups': {
        const here = deps.incidents.findByChannel(command.channel_id);
        const requested = parsed.args[0]?.toLowerCase();
        const view: FollowUpView =
          requested === 'mine' || requested === 'overdue' || requested === 'all' ? requested : here ? 'incident' : 'mine';
        const listed = listFollowUps(deps, { view, userId, channelId: command.channel_id, ...(here ? { incidentId: here.id } : {}) });
        const list = listed.map((entry) => entry.followUp);
        const incidents = new Map(listed.flatMap(({ incident }) => (incident ? [[incident.id, incident] as const] : [])));
        const titles: Record<FollowUpView, string> = {
          mine: 'Your open follow-ups',
          overdue: 'Overdue follow-ups',
          incident: 'Open follow-ups of this incident',
          all: 'All open follow-ups',
        };
        return respond({ response_type: 'ephemeral', ...followUpList(titles[view], list, incidents) });
      }
      case 'search': {
        if (!parsed.rest.trim()) throw new DomainError('INVALID_INPUT', 'Say what to look for: `/incident search <words>`.');
        return respond({ response_type: 'ephemeral', ...searchResults(unescapeSlackText(parsed.rest).trim(), searchIncidents(deps, unescapeSlackText(parsed.rest))) });
      }
      case 'drill': {
        const scenario = findDrillScenario(parsed.args[0]);
        if (!scenario) {
          throw new DomainError('INVALID_INPUT', `No drill \`${echo(parsed.args[0] ?? '')}\`. Scenarios: ${drillScenarios.map((candidate) => `\`${candidate.id}\``).join(', ')}.`);
        }
        const incident = await declareIncident(deps, {
          title: scenario.title,
          severity: scenario.severity,
          summary: scenario.summary,
          impact: scenario.impact,
          services: scenario.services,
          isPrivate: false,
          isDrill: true,
          reporterId: userId,
          commanderId: userId,
        }, { tellIn: command.channel_id });
        const speedup = deps.config().drills.speedup;
        return respond({ response_type: 'ephemeral', text: `:construction: Drill ${incidentKey(incident)} started; its channel is on its way and its timers run ${speedup}× faster.` });
      }
      case 'milestone': {
        const incident = inIncident();
        const [name, when] = parsed.args;
        const zone = deps.config().timezone;
        const at = parseMilestoneTime(when, zone, deps.clock.now());
        if (!name) throw new DomainError('INVALID_INPUT', 'Say which milestone: `/incident milestone <started|detected|mitigated> [HH:MM]`.');
        if (at === undefined) throw new DomainError('INVALID_INPUT', `\`${echo(when ?? '')}\` is not a time; write HH:MM or YYYY-MM-DDTHH:MM (${zone}).`);
        return setMilestone(deps, { incidentId: incident.id, milestone: name.toLowerCase(), at, actorId: userId });
      }
      case 'note':
        return addNote(deps, { incidentId: inIncident().id, actorId: userId, text: unescapeSlackText(parsed.rest) });
      case 'update':
        return openModal(updateModalFor(deps, inIncident()));
      case 'resolve':
      case 'cancel':
      case 'reopen':
      case 'close': {
        const incident = inIncident();
        try {
          return await changeStatus(deps, { incidentId: incident.id, to: statusShortcuts[parsed.name]!, actorId: userId, reason: unescapeSlackText(parsed.rest) });
        } catch (error) {
          if (isDomainError(error) && error.code === 'FOLLOW_UPS_OPEN') return respond({ response_type: 'ephemeral', ...confirmCloseMessage(incident, error.message) });
          throw error;
        }
      }
      default:
        return respond({ response_type: 'ephemeral', text: `:thinking_face: I don't know \`${echo(parsed.name)}\`.\n${helpText}` });
    }
  });
};
