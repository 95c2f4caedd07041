import { describe, expect, it } from 'vitest';
import { typedText, Workspace } from '../src/index.js';

const ws = new Workspace();
const carol = ws.addUser({ id: 'U0CAROL001', name: 'carol' });
const sre = ws.addUserGroup({ id: 'S0SRE00001', handle: 'sre', users: [carol.id] });
const ops = ws.addChannel({ id: 'C0OPS00001', name: 'ops' });

describe('what the Slack client sends for typed text', () => {
  it.each([
    ['followup Fix it @carol 2026-12-01', 'command', `followup Fix it <@${carol.id}|carol> 2026-12-01`],
    ['ask @carol.', 'message', `ask <@${carol.id}>.`],
    ['@Carol, please', 'message', `<@${carol.id}>, please`],
    ['page @sre', 'command', `page <!subteam^${sre.id}|@sre>`],
    ['page @sre', 'message', `page <!subteam^${sre.id}>`],
    ['heads up @here', 'message', 'heads up <!here>'],
    ['see #ops', 'command', `see <#${ops.id}|ops>`],
    ['see #ops', 'message', `see <#${ops.id}>`],
    ['@nobody and carol@example.com stay text', 'message', '@nobody and carol@example.com stay text'],
    ['a <b> & c', 'message', 'a &lt;b&gt; &amp; c'],
    ['typed <@U0CAROL001> by hand', 'command', 'typed &lt;@U0CAROL001&gt; by hand'],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(typedText(ws, text, kind)).toBe(expected);
  });
});
