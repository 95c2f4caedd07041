import type { KnownBlock } from '@slack/types';
import { incidentKey, type Incident } from '../../domain/incident/incident.js';
import { roleChecklists, roleLabels, type Role } from '../../domain/incident/roles.js';
import type { OpenIncidents } from '../../app/incident/list-open-incidents.js';
import { incidentCounts, incidentSections } from './home.js';
import { clip, escape, section } from './text.js';

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
