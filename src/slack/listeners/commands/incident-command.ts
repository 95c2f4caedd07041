import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpText } from '../../blocks/help.js';
import { echo, parseCommandText } from '../../parse/command-text.js';
import { channelIncident } from '../channel-incident.js';
import type { ListenerContext } from '../context.js';
import { answerCommand, reportingErrors } from '../report-error.js';
import { findSubcommand, subcommands } from './incident/index.js';
import { resolvePlainMentions } from './typed-people.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/incident …`: acknowledge at once, then hand the words to the subcommand they name (see ./incident/). */
export const incidentCommand = (ctx: ListenerContext) => async ({ command, ack, respond, client, context }: CommandArgs) => {
  await ack();
  const { name } = parseCommandText(command.text);
  const logger = ctx.logger.child({ module: 'command', subcommand: name });
  const reply = answerCommand(respond);
  await reportingErrors(reply, logger, async () => {
    const subcommand = findSubcommand(name);
    if (!subcommand) return reply(`:thinking_face: I don't know \`${echo(name)}\`.\n${helpText(subcommands)}`);
    const text = subcommand.namesPeople ? await resolvePlainMentions(command.text, ctx.deps.people) : command.text;
    return subcommand.handle({
      deps: ctx.deps,
      userId: command.user_id,
      channelId: command.channel_id,
      channelIncident: channelIncident(context),
      command: parseCommandText(text),
      reply,
      openModal: (view) => client.views.open({ trigger_id: command.trigger_id, view }),
    });
  });
};
