import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManifest, startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;

async function start(options: FakeSlackOptions = {}): Promise<void> {
  slack = await startFakeSlack({ scopes: [...loadManifest().botScopes, 'canvases:write'], ...options });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

afterEach(async () => {
  await slack.close();
});

describe('canvases.create', () => {
  it('stores the canvas with its markdown and answers its id', async () => {
    await start();
    const channel = slack.addChannel({ name: 'inc-7', botIsMember: true }).id;
    const result = await client.canvases.create({
      title: 'Postmortem: INC-7',
      document_content: { type: 'markdown', markdown: '# Summary\n\nThe database fell over.' },
      channel_id: channel,
    });
    expect(result).toMatchObject({ ok: true, canvas_id: expect.stringMatching(/^F[A-Z0-9]+$/) });
    expect(slack.workspace.canvases.get(String(result.canvas_id))).toMatchObject({
      title: 'Postmortem: INC-7',
      markdown: '# Summary\n\nThe database fell over.',
      channel,
      creator: slack.workspace.bot.userId,
    });
  });

  it('takes a JSON body, and needs no argument at all', async () => {
    await start();
    const res = await fetch(`${slack.apiUrl}canvases.create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${slack.botToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Notes', document_content: { type: 'markdown', markdown: '- one' } }),
    });
    const body = (await res.json()) as { ok: boolean; canvas_id: string };
    expect(slack.workspace.canvases.get(body.canvas_id)).toMatchObject({ title: 'Notes', markdown: '- one' });
    const empty = await client.canvases.create();
    expect(slack.workspace.canvases.get(String(empty.canvas_id))).toMatchObject({ title: '', markdown: '' });
  });

  it('answers canvas_disabled_user_team when the team has canvases disabled', async () => {
    await start({ canvases: 'disabled' });
    await expect(client.canvases.create({ title: 'x' })).rejects.toMatchObject({ data: { error: 'canvas_disabled_user_team' } });
    expect(slack.workspace.canvases.size).toBe(0);
  });

  it('refuses malformed content, an unknown channel, and a token without canvases:write', async () => {
    await start();
    const bad = { document_content: { type: 'html', markdown: '<p>' } } as unknown as Parameters<typeof client.canvases.create>[0];
    await expect(client.canvases.create(bad)).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.canvases.create({ channel_id: 'C0NOSUCH' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await slack.close();
    await start({ scopes: ['chat:write'] });
    await expect(client.canvases.create({ title: 'x' })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'canvases:write' },
    });
  });
});
