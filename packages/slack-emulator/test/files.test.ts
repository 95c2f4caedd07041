import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest, startFakeSlack, type FakeSlack, type FakeSlackOptions, type SlackFile } from '../src/index.js';

let slack: FakeSlack;
let client: WebClient;
let incidents: string;
let alice: string;

async function start(options: FakeSlackOptions = {}): Promise<void> {
  slack = await startFakeSlack({
    now: () => 1_700_000_000_000,
    scopes: [...loadManifest().botScopes, 'files:write', 'files:read'],
    ...options,
  });
  client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  alice = slack.addUser({ name: 'alice' }).id;
  incidents = slack.addChannel({ name: 'inc-42', members: [alice], botIsMember: true }).id;
}

function stored(id: string): SlackFile {
  const file = slack.workspace.files.get(id);
  if (!file) throw new Error(`no file ${id}`);
  return file;
}

async function announce(filename: string, length: number): Promise<{ file_id: string; upload_url: string }> {
  const result = await client.files.getUploadURLExternal({ filename, length });
  return { file_id: String(result.file_id), upload_url: String(result.upload_url) };
}

/** files.uploadV2 answers one files.completeUploadExternal result per completion call. */
function firstFile(result: unknown): Record<string, unknown> & { id: string } {
  const file = (result as { files: { files: (Record<string, unknown> & { id: string })[] }[] }).files[0]?.files[0];
  if (!file) throw new Error('no file in the upload result');
  return file;
}

async function post(url: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers });
}

afterEach(async () => {
  await slack.close();
});

describe('files.uploadV2 (the WebClient runs the external flow)', () => {
  beforeEach(() => start());

  it('uploads content into a channel: a message carries the file and the initial comment', async () => {
    const result = await client.files.uploadV2({
      channel_id: incidents,
      content: 'timeline\n10:02 db down\n',
      filename: 'timeline.txt',
      title: 'Incident timeline',
      initial_comment: 'Here is the timeline',
    });
    expect(slack.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const completion = firstFile(result);
    expect(completion).toMatchObject({ title: 'Incident timeline', name: 'timeline.txt', channels: [incidents] });
    const file = stored(completion.id);
    expect(file.upload?.bytes.toString()).toBe('timeline\n10:02 db down\n');
    // What @slack/web-api v8 sends to the upload URL: a multipart form with one part named "body".
    expect(file.upload).toMatchObject({ field: 'body', partFilename: 'Untitled', contentType: 'application/octet-stream' });
    expect(file.announcedLength).toBe(file.upload?.bytes.length);
    const message = slack.workspace.history(incidents).at(-1);
    expect(message).toMatchObject({ text: 'Here is the timeline', user: slack.workspace.bot.userId });
    expect(message?.extra?.['files']).toMatchObject([{ id: file.id, title: 'Incident timeline', mimetype: 'text/plain' }]);
    const history = await client.conversations.history({ channel: incidents });
    expect(history.messages?.[0]).toMatchObject({ text: 'Here is the timeline', upload: true, files: [{ id: file.id }] });
  });

  it('uploads a Buffer as a thread reply; files.info describes it and url_private serves its bytes', async () => {
    const parent = await client.chat.postMessage({ channel: incidents, text: 'status' });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const result = await client.files.uploadV2({ channel_id: incidents, thread_ts: parent.ts ?? '', file: bytes, filename: 'graph.png' });
    const id = firstFile(result).id;
    expect(slack.workspace.history(incidents).at(-1)).toMatchObject({ threadTs: parent.ts, text: '' });

    const info = await client.files.info({ file: id });
    expect(info.file).toMatchObject({
      id,
      name: 'graph.png',
      title: 'graph.png',
      mimetype: 'image/png',
      filetype: 'png',
      size: 8,
      user: slack.workspace.bot.userId,
      created: 1_700_000_000,
      is_public: true,
      channels: [incidents],
      permalink: expect.stringMatching(/^https:\/\/acme\.slack\.com\/files\/U0BOT00001\/F\w+\/graph\.png$/),
      shares: { public: { [incidents]: [{ ts: expect.any(String), thread_ts: parent.ts }] } },
    });
    const urlPrivate = String(info.file?.url_private);
    expect(urlPrivate.startsWith(slack.baseUrl)).toBe(true);

    const download = await fetch(urlPrivate, { headers: { Authorization: `Bearer ${slack.botToken}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect((await fetch(urlPrivate)).status).toBe(403);
    expect((await fetch(urlPrivate, { headers: { Authorization: 'Bearer xoxb-wrong' } })).status).toBe(403);
    const attachment = await fetch(String(info.file?.url_private_download), { headers: { Authorization: `Bearer ${slack.botToken}` } });
    expect(attachment.headers.get('content-disposition')).toContain('graph.png');
  });

  it('fails the way the WebClient reports when the bot is not in the channel', async () => {
    const outside = slack.addChannel({ name: 'outside', members: [alice] }).id;
    await expect(client.files.uploadV2({ channel_id: outside, content: 'x', filename: 'x.txt' })).rejects.toMatchObject({
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(slack.workspace.history(outside)).toEqual([]);
  });
});

describe('the raw external upload flow', () => {
  beforeEach(() => start());

  it('hands out an upload URL on the fake server and takes raw bytes there', async () => {
    const { file_id, upload_url } = await announce('notes.md', 5);
    expect(file_id).toMatch(/^F[A-Z0-9]+$/);
    expect(upload_url).toBe(`${slack.baseUrl}/upload/v1/${file_id}`);
    const uploaded = await post(upload_url, 'hello', { 'Content-Type': 'text/plain' });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.text()).toBe('OK - 5');
    expect(stored(file_id).upload).toMatchObject({ contentType: 'text/plain' });
    expect(stored(file_id).upload?.field).toBeUndefined();

    // Not shared anywhere: the file is private to the uploader.
    const done = await client.files.completeUploadExternal({ files: [{ id: file_id }] });
    expect(done.files?.[0]).toMatchObject({ id: file_id, title: 'notes.md', channels: [], is_public: false });
    expect(slack.workspace.history(incidents)).toEqual([]);
    expect((await client.files.info({ file: file_id })).file).toMatchObject({ name: 'notes.md', size: 5 });
  });

  it('takes a multipart form with the file under `filename` (curl -F filename=@…) or `file`', async () => {
    for (const field of ['filename', 'file']) {
      const { file_id, upload_url } = await announce('a.txt', 3);
      const form = new FormData();
      form.append(field, new Blob(['abc']), 'a.txt');
      expect(await (await post(upload_url, form)).text()).toBe('OK - 3');
      expect(stored(file_id).upload).toMatchObject({ field, partFilename: 'a.txt' });
      expect(stored(file_id).upload?.bytes.toString()).toBe('abc');
    }
  });

  it('accepts API arguments as a multipart form too (curl -F), and shares to a DM given a user id', async () => {
    const form = new FormData();
    form.append('filename', 'dm.txt');
    form.append('length', '2');
    const res = await post(`${slack.apiUrl}files.getUploadURLExternal`, form, { Authorization: `Bearer ${slack.botToken}` });
    const { file_id, upload_url } = (await res.json()) as { file_id: string; upload_url: string };
    await post(upload_url, 'hi');
    // `channels` (a list of channel or user ids) is in the reference but not in the SDK's argument type.
    const done = await client.apiCall('files.completeUploadExternal', { files: [{ id: file_id, title: 'For you' }], channels: alice });
    expect(done.ok).toBe(true);
    const dm = slack.workspace.dmWith(alice);
    expect(slack.workspace.history(dm.id)[0]?.extra?.['files']).toMatchObject([{ id: file_id, title: 'For you', ims: [dm.id] }]);
  });

  it('accepts a length other than the announced one and records both', async () => {
    const { file_id, upload_url } = await announce('short.txt', 10);
    expect(await (await post(upload_url, 'abcd')).text()).toBe('OK - 4');
    await client.files.completeUploadExternal({ files: [{ id: file_id }] });
    expect(stored(file_id)).toMatchObject({ announcedLength: 10, completed: true });
    expect((await client.files.info({ file: file_id })).file?.size).toBe(4);
  });

  it('refuses to complete a file that was never uploaded, is unknown, or was already completed', async () => {
    const { file_id, upload_url } = await announce('late.txt', 1);
    const complete = () => client.files.completeUploadExternal({ files: [{ id: file_id }] });
    await expect(complete()).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.files.info({ file: file_id })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await post(upload_url, 'x');
    await expect(complete()).resolves.toMatchObject({ ok: true });
    await expect(complete()).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    expect((await post(upload_url, 'y')).status).toBe(404);
    await expect(client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCH' }] })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });
  });

  it('checks the channel before anything changes: channel_not_found, not_in_channel', async () => {
    const { file_id, upload_url } = await announce('x.txt', 1);
    await post(upload_url, 'x');
    const outside = slack.addChannel({ name: 'outside' }).id;
    const complete = (channel_id: string) => client.files.completeUploadExternal({ files: [{ id: file_id }], channel_id });
    await expect(complete('C0NOSUCH')).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(complete(outside)).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    expect(stored(file_id).completed).toBe(false);
    await expect(complete(incidents)).resolves.toMatchObject({ ok: true });
  });

  it('answers the argument errors of the reference', async () => {
    const call = async (method: string, body: Record<string, string>) => {
      const res = await post(`${slack.apiUrl}${method}`, new URLSearchParams(body), { Authorization: `Bearer ${slack.botToken}` });
      return (await res.json()) as Record<string, unknown>;
    };
    expect(await call('files.getUploadURLExternal', { filename: 'a.txt' })).toMatchObject({ error: 'missing_argument' });
    expect(await call('files.getUploadURLExternal', { filename: 'a.txt', length: '0' })).toMatchObject({ error: 'missing_argument' });
    expect(await call('files.getUploadURLExternal', { filename: 'a.txt', length: '1', alt_txt: 'x'.repeat(1001) })).toMatchObject({
      error: 'alt_txt_too_large',
    });
    expect(await call('files.completeUploadExternal', {})).toMatchObject({ error: 'invalid_arguments' });
    expect(await call('files.completeUploadExternal', { files: '[{"title":"no id"}]' })).toMatchObject({ error: 'invalid_arguments' });
    expect(await call('files.completeUploadExternal', { files: 'not json' })).toMatchObject({ error: 'invalid_arguments' });
    expect(await call('files.info', {})).toMatchObject({ error: 'invalid_arguments' });
  });
});

describe('file scopes', () => {
  it('needs files:write to upload and files:read to read', async () => {
    await start({ scopes: ['chat:write'] });
    await expect(client.files.getUploadURLExternal({ filename: 'a.txt', length: 1 })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'files:write' },
    });
    await expect(client.files.info({ file: 'F1' })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'files:read' } });
  });

  it('serves url_private only to a token with files:read', async () => {
    await start({ scopes: ['files:write'] });
    const { file_id, upload_url } = await announce('a.txt', 1);
    await post(upload_url, 'a');
    const done = await client.files.completeUploadExternal({ files: [{ id: file_id }] });
    const url = String(done.files?.[0]?.url_private);
    expect((await fetch(url, { headers: { Authorization: `Bearer ${slack.botToken}` } })).status).toBe(403);
  });
});
