import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState, SandboxState } from '../../src/sandbox/api/read-state.js';
import { sandboxChannels, sandboxPeople } from '../../src/sandbox/seed-workspace.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.js';
import { actionIds, inputIds } from '../../src/slack/ids.js';
import { eventually } from '../support/eventually.js';

const [alice, bob, carol, dan] = sandboxPeople.map((person) => person.id) as [string, string, string, string, string];

let sandbox: RunningSandbox;
let base: string;
let general: string;
const logLines: { msg: string }[] = [];

beforeAll(async () => {
  // PORT 0: any free port, so this file can run beside others that start a sandbox.
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line) as { msg: string }) });
  sandbox = await startSandbox({ env: { PORT: '0' }, logger });
  base = new URL(sandbox.url).origin;
  general = sandbox.slack.workspace.generalChannel()!.id;
});
afterAll(() => sandbox?.stop());

type Answer = { status: number; body: Record<string, unknown> };

const post = async (action: string, body: unknown, contentType = 'application/json'): Promise<Answer> => {
  const response = await fetch(`${base}/sandbox/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const ok = async (action: string, body: unknown): Promise<Record<string, unknown>> => {
  const answer = await post(action, body);
  expect(answer, JSON.stringify(answer.body)).toMatchObject({ status: 200 });
  return answer.body;
};

const state = async (as: string, channel?: string): Promise<SandboxState> => {
  const response = await fetch(`${base}/sandbox/api/state?as=${as}${channel ? `&channel=${channel}` : ''}`);
  expect(response.status).toBe(200);
  return (await response.json()) as SandboxState;
};

const text = (m: MessageState): string => `${m.text} ${JSON.stringify(m.blocks ?? [])}`;

const openModal = (as: string) =>
  eventually(async () => {
    const modal = (await state(as)).modal;
    expect(modal).not.toBeNull();
    return modal!;
  });

describe('the sandbox API', () => {
  it('logs first that it runs the local sandbox, not that it connected to Slack', () => {
    expect(logLines[0]?.msg).toBe('running the local sandbox (the built-in Slack emulator)');
    expect(logLines.map((line) => line.msg)).not.toContain('connected to Slack');
  });

  it('shows a person their channels, the public ones they could join, and no modal', async () => {
    const seen = await state(alice, sandboxChannels.incidents);
    expect(seen.me).toMatchObject({ id: alice, name: 'alice', title: expect.stringContaining('Support') });
    expect(seen.people.map((p) => p.name)).toEqual(['alice', 'bob', 'carol', 'dan', 'erin']);
    expect(seen.channels.map((c) => c.name)).toEqual(['general', 'incidents', 'stakeholders']);
    expect(seen.joinable.map((c) => c.name)).toEqual(['executives']);
    expect(seen.conversation).toMatchObject({ id: sandboxChannels.incidents, name: 'incidents', isMember: true });
    expect(seen.modal).toBeNull();
  });

  it('declares through the message box: modal, inline error, then the channel with its pinned card', async () => {
    const sent = await ok('send', { as: alice, channel: general, text: '/incident declare Checkout is failing' });
    expect(sent).toMatchObject({ ok: true, command: '/incident', appStatus: 200 });
    const modal = await openModal(alice);
    expect(modal).toMatchObject({ title: 'Declare an incident', submit: 'Declare', close: 'Cancel', errors: {} });

    const tooShort = await ok('submit', {
      as: alice,
      viewId: modal.id,
      values: { [inputIds.title]: { [inputIds.title]: 'db' }, [inputIds.severity]: { [inputIds.severity]: 'SEV2' } },
    });
    expect(tooShort.errors).toEqual({ [inputIds.title]: expect.stringContaining('at least 3') });
    expect(tooShort.openView).toBe(modal.id);
    const stillOpen = (await state(alice)).modal!;
    expect(stillOpen.id).toBe(modal.id);
    expect(stillOpen.errors[inputIds.title]).toContain('at least 3');

    const declared = await ok('submit', {
      as: alice,
      viewId: modal.id,
      values: {
        [inputIds.title]: { [inputIds.title]: 'Checkout is failing' },
        [inputIds.severity]: { [inputIds.severity]: 'SEV2' },
        [inputIds.services]: { [inputIds.services]: ['checkout', 'payments'] },
      },
    });
    expect(declared).toMatchObject({ openView: null });
    expect(declared.errors).toBeUndefined();

    const channel = await eventually(async () => {
      const found = (await state(alice)).channels.find((c) => c.name.startsWith('inc-1-'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(channel.name).toBe('inc-1-checkout-is-failing');
    const card = await eventually(async () => {
      const pinned = (await state(alice, channel.id)).messages.find((m) => m.pinned);
      expect(pinned).toBeDefined();
      return pinned!;
    });
    expect(card.author).toMatchObject({ isBot: true, name: 'incident-bot' });
    expect(text(card)).toContain('INC-1: Checkout is failing');
    expect(text(card)).toContain(actionIds.resolve);

    // Only alice sees the bot's "declared" note in #general.
    await eventually(async () => expect((await state(alice, general)).messages.some((m) => m.ephemeral && m.text.includes('INC-1 declared'))).toBe(true));
    expect((await state(bob, general)).messages.some((m) => m.ephemeral)).toBe(false);
  });

  it('clicks a card button, picks in the modal and submits: the role lands on the card', async () => {
    const channel = (await state(alice)).channels.find((c) => c.name.startsWith('inc-1-'))!;
    const card = (await state(alice, channel.id)).messages.find((m) => m.pinned)!;
    await ok('click', { as: alice, channel: channel.id, ts: card.ts, actionId: actionIds.assignRole });
    const modal = await openModal(alice);
    expect(modal.title).toBe('Assign role');
    await ok('submit', { as: alice, viewId: modal.id, values: { [inputIds.role]: { [inputIds.role]: 'scribe' }, [inputIds.user]: { [inputIds.user]: carol } } });
    await eventually(async () => {
      const updated = (await state(alice, channel.id)).messages.find((m) => m.ts === card.ts)!;
      expect(text(updated)).toContain(`*Scribe*\\n<@${carol}>`);
    });
  });

  it('types @mentions as Slack does: the command and the message carry the person, not plain text', async () => {
    const channel = (await state(alice)).channels.find((c) => c.name.startsWith('inc-1-'))!;
    const incident = () => sandbox.bot.deps.incidents.findByChannel(channel.id)!;
    await ok('send', { as: alice, channel: channel.id, text: '/incident followup Alert on 5xx ratio @carol blocking' });
    await eventually(() => expect(sandbox.bot.deps.followUps.listForIncident(incident().id)).toContainEqual(expect.objectContaining({ ownerId: carol, text: 'Alert on 5xx ratio' })));
    await ok('send', { as: alice, channel: channel.id, text: '/incident role ops @bob' });
    await eventually(() => expect(incident().roles.ops).toBe(bob));

    const posted = await ok('send', { as: alice, channel: channel.id, text: 'thanks @bob & @sre <3' });
    const stored = sandbox.slack.workspace.message(channel.id, posted.ts as string)!;
    expect(stored.text).toBe(`thanks <@${bob}> &amp; <!subteam^S0SBSRE001> &lt;3`);
  });

  it('marks every required field left empty, and keeps the modal open', async () => {
    await ok('send', { as: dan, channel: general, text: '/incident declare' });
    const modal = await openModal(dan);
    const refused = await ok('submit', { as: dan, viewId: modal.id, values: { [inputIds.title]: { [inputIds.title]: null }, [inputIds.severity]: { [inputIds.severity]: null } } });
    expect(refused.errors).toEqual({ [inputIds.title]: 'Please complete this required field.', [inputIds.severity]: 'Please complete this required field.' });
    expect((await state(dan)).modal?.errors).toEqual(refused.errors);
    await ok('close', { as: dan, viewId: modal.id });
    expect((await state(dan)).modal).toBeNull();
  });

  it('posts, reacts, pins, edits and deletes as the person, and refuses editing someone else', async () => {
    const posted = await ok('send', { as: bob, channel: sandboxChannels.incidents, text: 'Deploy 42 rolled back' });
    const ts = posted.ts as string;
    await ok('react', { as: bob, channel: sandboxChannels.incidents, ts, name: 'eyes' });
    await ok('react', { as: alice, channel: sandboxChannels.incidents, ts, name: 'eyes' });
    await ok('pin', { as: alice, channel: sandboxChannels.incidents, ts });
    const seenByAlice = (await state(alice, sandboxChannels.incidents)).messages.find((m) => m.ts === ts)!;
    expect(seenByAlice).toMatchObject({ text: 'Deploy 42 rolled back', pinned: true, mine: false, reactions: [{ name: 'eyes', count: 2, mine: true }] });
    expect(seenByAlice.author).toMatchObject({ id: bob, realName: 'Bob Oncall', isBot: false });

    await ok('unreact', { as: alice, channel: sandboxChannels.incidents, ts, name: 'eyes' });
    await ok('unpin', { as: alice, channel: sandboxChannels.incidents, ts });
    const notHers = await post('edit', { as: alice, channel: sandboxChannels.incidents, ts, text: 'mine now' });
    expect(notHers.status).toBe(400);
    expect(notHers.body.error).toContain('own messages');

    await ok('edit', { as: bob, channel: sandboxChannels.incidents, ts, text: 'Deploy 42 rolled back at 10:05' });
    const edited = (await state(bob, sandboxChannels.incidents)).messages.find((m) => m.ts === ts)!;
    expect(edited).toMatchObject({ text: 'Deploy 42 rolled back at 10:05', mine: true, pinned: false, reactions: [{ name: 'eyes', count: 1, mine: true }] });
    expect(edited.edited?.user).toBe(bob);
    await ok('delete', { as: bob, channel: sandboxChannels.incidents, ts });
    expect((await state(bob, sandboxChannels.incidents)).messages.some((m) => m.ts === ts)).toBe(false);
  });

  it('runs the "Add to incident timeline" shortcut on a message', async () => {
    const channel = (await state(alice)).channels.find((c) => c.name.startsWith('inc-1-'))!;
    const posted = await ok('send', { as: alice, channel: channel.id, text: 'Error rate back to normal' });
    const answer = await ok('shortcut', { as: alice, channel: channel.id, ts: posted.ts });
    expect(answer.appStatus).toBe(200);
    const modal = await openModal(alice);
    expect(modal.callbackId).toBe('add_to_timeline_modal');
    // Slack itself adds "(optional)" after an optional field's label, so the label must not.
    const page = await fetch(`${base}/sandbox?as=${alice}&c=${channel.id}`).then((r) => r.text());
    const shown = page.replace(/<[^>]+>/g, '');
    expect(shown).toContain('Comment (optional)');
    expect(shown).not.toContain('(optional) (optional)');
    await ok('close', { as: alice, viewId: modal.id });
  });

  it('opens the App Home, and clicks its buttons as a view', async () => {
    await ok('open-home', { as: carol });
    const home = await eventually(async () => {
      const seen = (await state(carol)).home;
      expect(seen).not.toBeNull();
      return seen!;
    });
    expect(JSON.stringify(home.blocks)).toContain(actionIds.declare);
    await ok('click', { as: carol, viewId: home.id, actionId: actionIds.declare });
    expect((await openModal(carol)).title).toBe('Declare an incident');
  });

  it('joins a public channel, and only a public one', async () => {
    expect((await state(alice)).joinable.map((c) => c.id)).toContain(sandboxChannels.executives);
    const before = await fetch(`${base}/sandbox/api/version`).then((r) => r.json() as Promise<{ version: number }>);
    await ok('join', { as: alice, channel: sandboxChannels.executives });
    const after = await state(alice, sandboxChannels.executives);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.channels.map((c) => c.id)).toContain(sandboxChannels.executives);
    expect(after.messages.at(-1)).toMatchObject({ subtype: 'channel_join', author: { id: alice } });

    const secret = sandbox.slack.addChannel({ name: 'secret', isPrivate: true, members: [dan] });
    const refused = await post('join', { as: alice, channel: secret.id });
    expect(refused).toMatchObject({ status: 400, body: { error: expect.stringContaining('not a public channel') } });
    const hidden = await fetch(`${base}/sandbox/api/state?as=${alice}&channel=${secret.id}`);
    expect(hidden.status).toBe(404);
  });

  it('reads an uploaded file and a canvas where the person can see them', async () => {
    const ws = sandbox.slack.workspace;
    const file = ws.addFile({ name: 'timeline.md', announcedLength: 12 });
    file.upload = { bytes: Buffer.from('# Timeline\n- 10:00 paged'), contentType: 'text/markdown' };
    file.completed = true;
    const message = ws.addMessage(sandboxChannels.incidents, { user: ws.bot.userId, botId: ws.bot.botId, text: 'Timeline attached' });
    message.extra = { files: [{ id: file.id, name: file.name, title: 'Timeline' }] };
    file.shares.push({ channel: sandboxChannels.incidents, ts: message.ts });

    const shown = (await state(alice, sandboxChannels.incidents)).messages.find((m) => m.ts === message.ts)!;
    expect(shown.files).toEqual([{ id: file.id, name: 'timeline.md', title: 'Timeline', url: `/sandbox/files/${file.id}?as=${alice}` }]);
    const raw = await fetch(`${base}${shown.files[0]!.url}`);
    expect(raw.headers.get('content-type')).toContain('text/plain');
    expect(await raw.text()).toBe('# Timeline\n- 10:00 paged');
    const json = (await fetch(`${base}/sandbox/api/files/${file.id}?as=${alice}`).then((r) => r.json())) as Record<string, unknown>;
    expect(json).toMatchObject({ id: file.id, name: 'timeline.md', text: '# Timeline\n- 10:00 paged' });

    const canvas = ws.addCanvas({ title: 'INC-1 postmortem', markdown: '## What happened\nThe deploy.', channel: sandboxChannels.executives });
    const notMember = await fetch(`${base}/sandbox/canvases/${canvas.id}?as=${bob}`);
    expect(notMember.status).toBe(200); // #executives is public: anyone may look
    expect(await notMember.text()).toContain('## What happened');
    expect((await state(alice, sandboxChannels.executives)).conversation?.canvases).toEqual([{ id: canvas.id, title: 'INC-1 postmortem', url: `/sandbox/canvases/${canvas.id}?as=${alice}` }]);
    const missing = await fetch(`${base}/sandbox/api/files/F0NOPE?as=${alice}`);
    expect(missing.status).toBe(404);
  });

  it('refuses bad input with a reason', async () => {
    const cases: [string, unknown, number, RegExp][] = [
      ['send', { channel: general, text: 'hi' }, 400, /as: /],
      ['send', { as: 'U0NOBODY01', channel: general, text: 'hi' }, 400, /not a sandbox person.*alice \(U0SBALICE1\)/],
      ['send', { as: sandbox.slack.workspace.bot.userId, channel: general, text: 'hi' }, 403, /is the bot/],
      ['send', { as: alice, channel: general, text: '   ' }, 400, /text: type something/],
      ['send', { as: alice, channel: general, text: 'hi', extra: 1 }, 400, /Unrecognized key.*extra/i],
      ['send', { as: alice, channel: sandboxChannels.executives + 'X', text: 'hi' }, 400, /no conversation/],
      ['send', { as: bob, channel: general, text: '/deploy now' }, 400, /\/deploy is not in the manifest/],
      ['react', { as: alice, channel: general, ts: '1.000001', name: ':eyes:' }, 400, /name: expected an emoji name/],
      ['click', { as: alice, actionId: 'x' }, 400, /either viewId .* or channel and ts/],
      ['click', { as: alice, channel: sandboxChannels.incidents, ts: '1.000001', actionId: 'x', viewId: 'V01' }, 400, /either viewId/],
      ['submit', { as: alice, viewId: 'V0NOPE' }, 400, /not looking at modal V0NOPE/],
      ['launch', { as: alice }, 404, /no action launch; actions: send, edit/],
    ];
    for (const [action, body, status, reason] of cases) {
      const answer = await post(action, body);
      expect({ action, ...answer }).toMatchObject({ status, body: { error: expect.stringMatching(reason) } });
    }
    const card = (await state(alice, sandboxChannels.incidents)).messages.find((m) => m.author.isBot && text(m).includes('INC-1'))!;
    const notThere = await post('click', { as: alice, channel: sandboxChannels.incidents, ts: card.ts, actionId: 'no_such_button' });
    expect(notThere).toMatchObject({ status: 400, body: { error: expect.stringContaining('has no element') } });

    expect(await post('send', 'as=U0SBALICE1', 'application/x-www-form-urlencoded')).toMatchObject({ status: 415, body: { error: expect.stringContaining('application/json') } });
    expect(await post('send', '{"as":', 'application/json')).toMatchObject({ status: 400, body: { error: 'the body is not valid JSON' } });
    const noPerson = await fetch(`${base}/sandbox/api/state`);
    expect(noPerson.status).toBe(400);
    expect(((await noPerson.json()) as { error: string }).error).toMatch(/say who is acting/);
  });

  it('serves the page, its script and the live fragments', async () => {
    const page = await fetch(`${base}/sandbox?as=${alice}&c=${sandboxChannels.incidents}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('data-as="U0SBALICE1"');
    expect(html).toContain('Message #incidents');
    expect(html).toMatch(/inc-1-checkout-is-failing/);
    expect((await fetch(`${base}/sandbox/assets/sandbox-client.js`)).headers.get('content-type')).toContain('javascript');
    const fragments = (await fetch(`${base}/sandbox/ui/fragments?as=${alice}&c=home`).then((r) => r.json())) as Record<string, unknown>;
    expect(Object.keys(fragments)).toEqual(expect.arrayContaining(['version', 'sidebar', 'header', 'messages', 'composer', 'modal', 'modalKey']));
    const stranger = await fetch(`${base}/sandbox?as=U0NOBODY01`);
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('Alice Reporter');
  });
});
