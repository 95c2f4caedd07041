import type { KnownBlock } from '@slack/types';
import type { OnCallAnswer } from '../../app/paging/who-is-on-call.js';
import { context, escape, section, slackDate } from './text.js';

const people = (users: string[]) => (users.length > 0 ? users.map((user) => `<@${user}>`).join(', ') : '_nobody_');

/** At most 45 blocks: one per service or team, within a message's 50. */
export const onCallMessage = (answers: OnCallAnswer[]): { text: string; blocks: KnownBlock[] } => {
  if (answers.length === 0) {
    return { text: 'No on-call configuration.', blocks: [section('No services or teams with an escalation policy are configured (see `CONFIG_PATH`).')] };
  }
  const blocks = answers.slice(0, 45).map((answer) =>
    section(
      [
        `*${escape(answer.subject)}* · policy \`${answer.policyId}\``,
        ...answer.levels.map((level, index) => {
          const targets = level.targets.map((target) => {
            if (target.kind === 'usergroup') return `<!subteam^${target.id}>`;
            if (target.kind === 'user') return `<@${target.id}>`;
            const next = target.next ? `; next ${people(target.next.users)} from ${slackDate(target.next.at)}` : '';
            return `${target.id}: now ${people(target.now)}${next}`;
          });
          return `Level ${index + 1} (escalates after ${level.after}): ${targets.join(' · ')}`;
        }),
      ].join('\n'),
    ),
  );
  if (answers.length > 45) blocks.push(context(`${answers.length - 45} more not shown; name a service or team.`));
  return { text: `On call for ${answers.length} services and teams`, blocks };
};
