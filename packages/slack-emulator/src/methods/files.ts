/**
 * Slack's external upload flow: files.getUploadURLExternal announces a file and hands out an upload URL
 * (served by file-server.ts), the bytes are POSTed there, and files.completeUploadExternal makes the file
 * exist and shares it. files.info reads a completed file.
 */
import { fail, intArg, invalidArguments, jsonArg, stringArg, type MethodHandler } from '../method-args.js';
import { fileObject, uploadUrl } from '../stored-files.js';
import { shareFiles } from './file-sharing.js';

const maxAltTxt = 1000;
const maxSnippetBytes = 1024 * 1024;

const getUploadURLExternal: MethodHandler = (ctx) => {
  const length = intArg(ctx.args, 'length');
  if (length === undefined) return invalidArguments(['[ERROR] length must be an integer [json-pointer:/length]']);
  // The reference: missing_argument "typically only occurs when the length provided is 0".
  if (length < 1) return fail('missing_argument');
  // The reference's argument is `alt_txt`; @slack/web-api (v8) sends `alt_text`, which is not read here.
  const altTxt = stringArg(ctx.args, 'alt_txt');
  if (altTxt !== undefined && altTxt.length > maxAltTxt) return fail('alt_txt_too_large');
  const snippetType = stringArg(ctx.args, 'snippet_type');
  if (snippetType !== undefined && length > maxSnippetBytes) return fail('snippet_too_large');
  const file = ctx.ws.addFile({
    name: stringArg(ctx.args, 'filename') ?? '',
    announcedLength: length,
    ...(altTxt === undefined ? {} : { altTxt }),
    ...(snippetType === undefined ? {} : { snippetType }),
  });
  return { ok: true, upload_url: uploadUrl(ctx.baseUrl, file.id), file_id: file.id };
};

const completeUploadExternal: MethodHandler = (ctx) => {
  const files = jsonArg(ctx.args, 'files');
  const list = Array.isArray(files.value) ? (files.value as unknown[]) : undefined;
  if (!list || list.length === 0) return invalidArguments(['[ERROR] files must be a non-empty array [json-pointer:/files]']);
  const entries: { id: string; title?: string }[] = [];
  for (const [index, item] of list.entries()) {
    const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const { id, title } = entry;
    if (typeof id !== 'string' || id === '') {
      return invalidArguments([`[ERROR] missing required field: id [json-pointer:/files/${index}]`]);
    }
    entries.push({ id, ...(typeof title === 'string' && title !== '' ? { title } : {}) });
  }
  // A file exists for completion once its bytes reached the upload URL, and only once.
  const found = entries.map((e) => ctx.ws.files.get(e.id));
  if (found.some((f) => !f || !f.upload || f.completed || f.uploader !== ctx.ws.bot.userId)) return fail('file_not_found');
  return shareFiles(ctx, entries);
};

const info: MethodHandler = (ctx) => {
  const file = ctx.ws.files.get(stringArg(ctx.args, 'file') ?? '');
  if (!file?.completed) return fail('file_not_found');
  return { ok: true, file: fileObject(ctx.ws, file, ctx.baseUrl), comments: [], response_metadata: { next_cursor: '' } };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': info,
};
