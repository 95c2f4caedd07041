import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/slack/parse/command-text.js';
import { parseFollowUpCommand, parseFollowUpsCommand } from '../../../src/slack/parse/follow-up-command.js';
import { parseMilestoneCommand, parseRoleCommand, parseSearchCommand, parseSeverityCommand, parseStatusCommand } from '../../../src/slack/parse/incident-commands.js';
import { parseHandoverCommand, parsePageCommand } from '../../../src/slack/parse/paging-commands.js';

/** The words after the subcommand, as Slack sends them (should_escape: mentions as `<@U…|name>`). */
const words = (text: string) => parseCommandText(`x ${text}`);

describe('subcommand parsers', () => {
  it.each([
    ['status', parseStatusCommand, 'monitoring rolled back', { to: 'monitoring', reason: 'rolled back' }],
    ['status without one', parseStatusCommand, '', { to: undefined, reason: '' }],
    ['status reason with escaped text', parseStatusCommand, 'resolved a &amp; b', { to: 'resolved', reason: 'a & b' }],
    ['severity', parseSeverityCommand, 'sev1', { to: 'SEV1' }],
    ['role and person', parseRoleCommand, 'ops <@U123|dave>', { role: 'ops', person: 'U123' }],
    ['role, no person', parseRoleCommand, 'scribe', { role: 'scribe', person: undefined }],
    ['page a person', parsePageCommand, '<@U123|dave>', { target: { kind: 'user', id: 'U123' } }],
    ['page a service', parsePageCommand, 'payments api', { target: { kind: 'service', id: 'payments api' } }],
    ['page, nothing', parsePageCommand, '', { target: undefined }],
    ['handover', parseHandoverCommand, '<@U9|carol>', { to: 'U9' }],
    ['milestone', parseMilestoneCommand, 'Started 09:12', { milestone: 'started', when: '09:12' }],
    ['follow-up words in any order', parseFollowUpCommand, 'Tune &lt;pool&gt; blocking 2030-01-15 <@U1|a>', { text: 'Tune <pool>', ownerId: 'U1', dueDate: '2030-01-15', blocking: true }],
    ['follow-ups view', parseFollowUpsCommand, 'Overdue', { view: 'overdue' }],
    ['follow-ups, another word', parseFollowUpsCommand, 'soon', { view: undefined }],
  ] as const)('%s', (_name, parse, text, value) => {
    expect(parse(words(text))).toEqual({ ok: true, value });
  });

  it.each([
    ['status', parseStatusCommand, 'fixed', '`fixed` is not a status.'],
    ['severity', parseSeverityCommand, 'SEV9', '`SEV9` is not a severity.'],
    ['role', parseRoleCommand, 'boss <@U1|a>', '`boss` is not a role.'],
    ['someone unknown', parseRoleCommand, 'ops @zed', "I can't find @zed in this workspace."],
    ['someone unknown, paged', parsePageCommand, '@zed', "I can't find @zed in this workspace."],
    ['handover to nobody', parseHandoverCommand, 'carol', 'Name the new commander'],
    ['milestone without a name', parseMilestoneCommand, '', 'Say which milestone'],
    ['search without words', parseSearchCommand, '   ', 'Say what to look for'],
    ['a special mention, echoed without pinging', parseStatusCommand, '&lt;!channel&gt;', '`@channel` is not a status.'],
  ] as const)('refuses %s in one sentence naming what was typed', (_name, parse, text, refusal) => {
    const parsed = parse(words(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal).toContain(refusal);
    if (!parsed.ok) expect(parsed.refusal).not.toMatch(/<!/);
  });
});
