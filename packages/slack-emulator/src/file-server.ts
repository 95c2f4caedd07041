/**
 * The file host: the upload URLs files.getUploadURLExternal hands out (`POST /upload/v1/<file id>`) and the
 * `url_private` / `url_private_download` of completed files (`GET /files-pri/<team>-<file id>/...`).
 *
 * Uploads: Slack takes the raw bytes or a multipart form, answers `200` with the text `OK - <bytes>`, and
 * needs no token (the URL itself is the ticket). @slack/web-api's files.uploadV2 sends a multipart form
 * whose single part is named `body` (file name `Untitled`); curl examples use `-F filename=@…` or `file`.
 * Any file part is taken. A length other than the announced one is accepted and kept (see SlackFile).
 *
 * Downloads need `Authorization: Bearer <bot token>` with files:read. Real Slack sends an unauthenticated
 * request to a sign-in page; the fake answers 403 instead, so a test never follows a redirect off-host.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { fileTypeOf, type ReceivedUpload } from './stored-files.js';
import { bearer } from './web-api.js';
import type { Workspace } from './workspace.js';

export type FileRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };

export type RawAnswer = { status: number; headers: Record<string, string>; body: string | Buffer };

export type FileServerDeps = { ws: Workspace; botToken: string; scopes: ReadonlySet<string> };

/** undefined when the path is not the file host's */
export async function answerFileRequest(deps: FileServerDeps, request: FileRequest): Promise<RawAnswer | undefined> {
  const upload = /^\/upload\/v1\/(F[A-Z0-9]+)$/.exec(request.path);
  if (upload?.[1] !== undefined && request.method === 'POST') return receive(deps.ws, upload[1], request);
  const download = /^\/files-pri\/([A-Z0-9]+)-(F[A-Z0-9]+)\/(download\/)?[^/]+$/.exec(request.path);
  if (download?.[2] !== undefined && request.method === 'GET') {
    return serve(deps, download[1] ?? '', download[2], download[3] !== undefined, request.headers);
  }
  return undefined;
}

async function receive(ws: Workspace, fileId: string, request: FileRequest): Promise<RawAnswer> {
  const file = ws.files.get(fileId);
  if (!file || file.completed) return text(404, 'not found');
  const received = await readUpload(request.headers['content-type'] ?? '', request.body).catch(() => undefined);
  if (!received) return text(400, 'no file part in a readable multipart form');
  file.upload = received;
  return text(200, `OK - ${received.bytes.length}`);
}

async function readUpload(contentType: string, body: Buffer): Promise<ReceivedUpload | undefined> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return { bytes: body, contentType };
  const form = await parseForm(contentType, body);
  for (const [field, value] of form) {
    if (typeof value === 'string') continue;
    return {
      bytes: Buffer.from(await value.arrayBuffer()),
      contentType: value.type,
      field,
      partFilename: value.name,
    };
  }
  return undefined;
}

/** A multipart/form-data body, parsed by the platform's own (undici) parser. */
export function parseForm(contentType: string, body: Buffer): Promise<FormData> {
  return new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
}

function serve(deps: FileServerDeps, team: string, fileId: string, asDownload: boolean, headers: IncomingHttpHeaders): RawAnswer {
  if (bearer(headers) !== deps.botToken) return text(403, 'a valid token is required (Authorization: Bearer)');
  if (!deps.scopes.has('files:read')) return text(403, 'the token lacks files:read');
  const file = deps.ws.files.get(fileId);
  if (team !== deps.ws.teamId || !file?.completed || !file.upload) return text(404, 'not found');
  return {
    status: 200,
    headers: {
      'Content-Type': fileTypeOf(file.name).mimetype,
      ...(asDownload ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` } : {}),
    },
    body: file.upload.bytes,
  };
}

function text(status: number, body: string): RawAnswer {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}
