import { alerts } from './alerts.js';
import { cancel } from './cancel.js';
import { close } from './close.js';
import { declare } from './declare.js';
import { drill } from './drill.js';
import { followUp } from './follow-up.js';
import { followUps } from './follow-ups.js';
import { handover } from './handover.js';
import { help } from './help.js';
import { list } from './list.js';
import { maintenance } from './maintenance.js';
import { milestone } from './milestone.js';
import { note } from './note.js';
import { oncall } from './oncall.js';
import { page } from './page.js';
import { postmortem } from './postmortem.js';
import { reopen } from './reopen.js';
import { resolve } from './resolve.js';
import { role } from './role.js';
import { search } from './search.js';
import { severity } from './severity.js';
import { silences } from './silences.js';
import { slo } from './slo.js';
import { status } from './status.js';
import { timeline } from './timeline.js';
import { update } from './update.js';
import type { Subcommand } from './subcommand.js';

/**
 * Every `/incident` subcommand, in the order `/incident help` lists them. A new subcommand is one file
 * in this folder and one line here.
 */
export const subcommands: readonly Subcommand[] = [
  declare,
  list,
  oncall,
  maintenance,
  search,
  followUps,
  alerts,
  silences,
  slo,
  drill,
  help(() => subcommands),
  status,
  severity,
  role,
  note,
  update,
  timeline,
  milestone,
  postmortem,
  followUp,
  page,
  handover,
  resolve,
  reopen,
  close,
  cancel,
];

const byName = new Map(subcommands.flatMap((subcommand) => [subcommand.name, ...(subcommand.aliases ?? [])].map((name) => [name, subcommand] as const)));

/** The subcommand a word names; a bare `/incident` declares. */
export const findSubcommand = (name: string): Subcommand | undefined => byName.get(name || 'declare');
