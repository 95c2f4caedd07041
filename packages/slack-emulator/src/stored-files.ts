/**
 * Files and canvases kept by the fake workspace, and the file object Slack's Web API renders for a file
 * (files.info, files.completeUploadExternal, the `files` of a message; see the reference examples).
 */
import type { SlackFile } from './stored-file-types.js';
import type { Conversation, Workspace } from './workspace.js';

export type { Canvas, ReceivedUpload, SlackFile } from './stored-file-types.js';

/** What Slack would infer from the extension (it also sniffs magic bytes; the fake does not). */
const types: Record<string, [mimetype: string, filetype: string, prettyType: string]> = {
  txt: ['text/plain', 'text', 'Plain Text'],
  log: ['text/plain', 'text', 'Plain Text'],
  md: ['text/plain', 'markdown', 'Markdown (raw)'],
  csv: ['text/csv', 'csv', 'CSV'],
  json: ['application/json', 'json', 'JSON'],
  html: ['text/html', 'html', 'HTML'],
  pdf: ['application/pdf', 'pdf', 'PDF'],
  png: ['image/png', 'png', 'PNG'],
  jpg: ['image/jpeg', 'jpg', 'JPEG'],
  jpeg: ['image/jpeg', 'jpg', 'JPEG'],
  gif: ['image/gif', 'gif', 'GIF'],
  zip: ['application/zip', 'zip', 'Zip'],
};

export function fileTypeOf(name: string): { mimetype: string; filetype: string; prettyType: string } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const [mimetype, filetype, prettyType] = types[extension] ?? ['application/octet-stream', 'binary', 'Binary'];
  return { mimetype, filetype, prettyType };
}

export function uploadUrl(baseUrl: string, fileId: string): string {
  return `${baseUrl}/upload/v1/${fileId}`;
}

export function urlPrivate(baseUrl: string, ws: Workspace, file: SlackFile, download = false): string {
  return `${baseUrl}/files-pri/${ws.teamId}-${file.id}/${download ? 'download/' : ''}${encodeURIComponent(file.name)}`;
}

export function filePermalink(ws: Workspace, file: SlackFile): string {
  const slug = file.name.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
  return `https://${ws.domain}.slack.com/files/${file.uploader}/${file.id}/${slug}`;
}

export function fileObject(ws: Workspace, file: SlackFile, baseUrl: string): Record<string, unknown> {
  const { mimetype, filetype, prettyType } = fileTypeOf(file.name);
  const shared = [...new Set(file.shares.map((s) => s.channel))]
    .map((id) => ws.conversation(id))
    .filter((c): c is Conversation => c !== undefined);
  const isPublic = (c: Conversation) => c.kind === 'channel' && !c.isPrivate;
  const publicShares = file.shares.filter((s) => shared.some((c) => c.id === s.channel && isPublic(c)));
  const privateShares = file.shares.filter((s) => !publicShares.includes(s));
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype,
    filetype,
    pretty_type: prettyType,
    user: file.uploader,
    user_team: ws.teamId,
    editable: false,
    size: file.upload?.bytes.length ?? 0,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: publicShares.length > 0,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: urlPrivate(baseUrl, ws, file),
    url_private_download: urlPrivate(baseUrl, ws, file, true),
    permalink: filePermalink(ws, file),
    permalink_public: `https://slack-files.com/${ws.teamId}-${file.id}-${file.id.slice(-6).toLowerCase()}`,
    comments_count: 0,
    is_starred: false,
    shares: sharesObject(ws, publicShares, privateShares),
    channels: shared.filter(isPublic).map((c) => c.id),
    groups: shared.filter((c) => !isPublic(c) && c.kind !== 'im').map((c) => c.id),
    ims: shared.filter((c) => c.kind === 'im').map((c) => c.id),
    has_rich_preview: false,
    ...(file.altTxt === undefined ? {} : { alt_txt: file.altTxt }),
  };
}

function sharesObject(ws: Workspace, publicShares: SlackFile['shares'], privateShares: SlackFile['shares']): Record<string, unknown> {
  const group = (shares: SlackFile['shares']) => {
    const out: Record<string, unknown[]> = {};
    for (const s of shares) {
      const c = ws.conversation(s.channel);
      (out[s.channel] ??= []).push({
        ts: s.ts,
        ...(s.threadTs === undefined ? {} : { thread_ts: s.threadTs }),
        channel_name: c?.kind === 'channel' ? c.name : '',
        team_id: ws.teamId,
        share_user_id: ws.bot.userId,
      });
    }
    return out;
  };
  return {
    ...(publicShares.length > 0 ? { public: group(publicShares) } : {}),
    ...(privateShares.length > 0 ? { private: group(privateShares) } : {}),
  };
}
