/** A person types a slash command: Slack signs a form POST to the app and shows what the app answers. */
import type { AppResponse } from './app-client.js';
import { channelNameFor, requireMember, requireUser, type Driver } from './driver.js';

export type SlashCommandInput = { user: string; channel: string; command: string; text?: string };

export type SlashCommandResult = AppResponse & { triggerId: string; responseUrl: string };

export async function runSlashCommand(d: Driver, input: SlashCommandInput): Promise<SlashCommandResult> {
  if (!d.commands.includes(input.command)) throw new Error(`fake-slack: ${input.command} is not in the manifest`);
  const user = requireUser(d.ws, input.user);
  const channel = requireMember(d.ws, user.id, input.channel);
  const trigger = d.ws.issueTrigger(user.id);
  const origin = { channel: channel.id, user: user.id };
  const responseUrl = d.responseUrls.issue(origin);
  const response = await d.app.sendForm('slash_command', {
    token: d.verificationToken,
    team_id: d.ws.teamId,
    team_domain: d.ws.domain,
    channel_id: channel.id,
    channel_name: channelNameFor(channel),
    user_id: user.id,
    user_name: user.name,
    command: input.command,
    text: input.text ?? '',
    api_app_id: d.ws.bot.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: trigger.id,
  });
  // A non-empty 200 answer is shown like a response_url post (ephemeral unless response_type is in_channel).
  if (response.status === 200 && typeof response.body === 'object' && response.body !== null) {
    d.responseUrls.apply(origin, response.body, 'command_response');
  } else if (response.status === 200 && typeof response.body === 'string' && response.body !== '') {
    d.responseUrls.apply(origin, { text: response.body }, 'command_response');
  }
  return { ...response, triggerId: trigger.id, responseUrl };
}
