import { z } from 'zod';
import { parseRole } from '../../domain/incident/roles.js';
import { parseSeverity } from '../../domain/incident/severity.js';
import { isStatus } from '../../domain/incident/status.js';
import { commandParser, personWord, slackText, word } from './command-text.js';

/** The subcommands of an incident's lifecycle, each from the words typed after it. */

const statusWord = word(
  (typed) => (isStatus(typed) ? typed : undefined),
  (typed) => `\`${typed}\` is not a status. Use investigating, identified, monitoring, resolved or closed.`,
);
const severityWord = word(parseSeverity, (typed) => `\`${typed}\` is not a severity. Use SEV1, SEV2, SEV3 or SEV4.`);
const roleWord = word(parseRole, (typed) => `\`${typed}\` is not a role. Use commander, comms, scribe or ops.`);

/** `/incident declare [title]`: the title to prefill the form with. */
export const parseDeclareCommand = commandParser(({ rest }) => ({ title: rest }), z.object({ title: slackText }));

/** `/incident status [status] [reason]`: no status opens the form. */
export const parseStatusCommand = commandParser(
  ({ args }) => ({ to: args[0], reason: args.slice(1).join(' ') }),
  z.object({ to: statusWord.optional(), reason: slackText }),
);

/** `/incident severity [SEV1-SEV4]`: none opens the form. */
export const parseSeverityCommand = commandParser(({ args }) => ({ to: args[0] }), z.object({ to: severityWord.optional() }));

/** `/incident role [role] [@person]`: what is missing is asked for in the form. */
export const parseRoleCommand = commandParser(
  ({ args }) => ({ role: args[0], person: args[1] }),
  z.object({ role: roleWord.optional(), person: personWord.optional() }),
);

/** `/incident resolve|cancel|reopen|close [reason]`, `/incident note <text>`: free text. */
export const parseFreeText = commandParser(({ rest }) => ({ text: rest }), z.object({ text: slackText }));

/** `/incident milestone <started|detected|mitigated> [HH:MM]`; the use case reads the time in the configured zone. */
export const parseMilestoneCommand = commandParser(
  ({ args }) => ({ milestone: args[0], when: args[1] }),
  z.object({
    milestone: z
      .string({ error: 'Say which milestone: `/incident milestone <started|detected|mitigated> [HH:MM]`.' })
      .transform((typed) => typed.toLowerCase()),
    when: slackText.optional(),
  }),
);

/** `/incident drill [scenario]`. */
export const parseDrillCommand = commandParser(({ args }) => ({ scenario: args[0] ?? '' }), z.object({ scenario: slackText }));

/** `/incident search <words>`. */
export const parseSearchCommand = commandParser(
  ({ rest }) => ({ words: rest }),
  z.object({ words: slackText.pipe(z.string().trim().min(1, 'Say what to look for: `/incident search <words>`.')) }),
);

/** `/incident maintenance [list]`: the form, or the windows to come. */
export const parseMaintenanceCommand = commandParser(({ args }) => ({ list: args[0]?.toLowerCase() === 'list' }), z.object({ list: z.boolean() }));
