import type { KnownBlock } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { roleChecklists, roleLabels, type Role } from '../../domain/incident/roles.js';
import type { OpenIncidents } from '../../app/incident/list-open-incidents.js';
import { incidentCounts, incidentSections } from './home.js';
import { clip, escape, section } from './text.js';

export const helpText = [
  '*`/incident` commands*',
  '`/incident` or `/incident declare [title]`: declare an incident (opens a form)',
  '`/incident list`: open incidents',
  '`/incident oncall [service|team]`: who is on call now and next',
  '`/incident maintenance`: schedule a maintenance window (status page and stakeholders); `/incident maintenance list` to see or cancel them',
  '`/incident search <words>`: find past incidents and their postmortems',
  '`/incident alerts [service]`: the noisiest alerts of the last 7 days and what became of them',
  '`/incident silences`: active alert silences (made with *Silence…* on an alert card), each with Expire',
  '`/incident drill [payments|search|database]`: run a practice incident with sped-up timers',
  '`/incident help`: this help',
  '*In an incident channel*',
  '`/incident status [investigating|identified|monitoring|resolved|closed]`: change the status',
  '`/incident severity [SEV1-SEV4]`: change the severity',
  '`/incident role <commander|comms|scribe|ops> @person`: assign a role',
  '`/incident note <text>`: add a note to the timeline',
  '`/incident update`: post an update',
  '`/incident timeline`: the curated timeline so far',
  '`/incident milestone <started|detected|mitigated> [HH:MM]`: when impact began, was detected or mitigated (for the postmortem)',
  '`/incident postmortem`: assemble the blameless postmortem draft (also automatic on resolve)',
  '`/incident followup <what> [@owner] [YYYY-MM-DD] [blocking]`: record a follow-up action',
  '`/incident followups [mine|overdue|all]`: open follow-ups',
  '`/incident page <service|@person>`: page a service\'s on-call (escalating until acknowledged) or a person',
  '`/incident handover @person`: hand command over, with a brief',
  '`/incident resolve`, `/incident reopen`, `/incident close`, `/incident cancel` (false alarm)',
].join('\n');

/** With two headings and a "more" line, stays inside a message's 50 blocks. */
export const maxListed = 45;

export const incidentList = (open: OpenIncidents, now: number): { text: string; blocks: KnownBlock[] } => ({
  text: incidentCounts(open),
  blocks: incidentSections(open, now, maxListed),
});

export const roleChecklistMessage = (incident: Incident, role: Role): { text: string; blocks: KnownBlock[] } => {
  const where = incident.channelId ? `<#${incident.channelId}>` : incidentKey(incident);
  const text = `You are the ${roleLabels[role]} for ${incidentKey(incident)}: ${escape(incident.title)}`;
  return {
    text,
    blocks: [
      section(clip(`*You are the ${roleLabels[role]}* for *${incidentKey(incident)}* in ${where}.`, 3000)),
      section(roleChecklists[role].map((item) => `• ${item}`).join('\n')),
    ],
  };
};
