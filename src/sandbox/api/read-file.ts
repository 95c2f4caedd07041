import { fileTypeOf, type Workspace } from 'slack-emulator';
import { canSee } from './read-state.js';
import { HttpError } from './http-io.js';

export type FileContent = { id: string; name: string; title: string; mimetype: string; text: string | null; size: number };

/** An uploaded file, if it was shared somewhere the person can see. Text files come back as text. */
export const readFile = (ws: Workspace, fileId: string, as: string): { content: FileContent; bytes: Buffer } => {
  const file = ws.files.get(fileId);
  const visible = file?.shares.some((share) => {
    const c = ws.conversation(share.channel);
    return c !== undefined && canSee(c, as);
  });
  if (!file || !file.completed || !file.upload || !visible) throw new HttpError(404, `no file ${fileId} shared where ${as} can see it`);
  const { mimetype } = fileTypeOf(file.name);
  const isText = mimetype.startsWith('text/') || mimetype === 'application/json';
  const bytes = file.upload.bytes;
  return {
    content: { id: file.id, name: file.name, title: file.title, mimetype, text: isText ? bytes.toString('utf8') : null, size: bytes.length },
    bytes,
  };
};

export type CanvasContent = { id: string; title: string; channel: string | null; markdown: string };

/** A canvas, if it is not tabbed in a conversation the person cannot see. */
export const readCanvas = (ws: Workspace, canvasId: string, as: string): CanvasContent => {
  const canvas = ws.canvases.get(canvasId);
  const where = canvas?.channel ? ws.conversation(canvas.channel) : undefined;
  if (!canvas || (canvas.channel && (!where || !canSee(where, as)))) throw new HttpError(404, `no canvas ${canvasId} that ${as} can see`);
  return { id: canvas.id, title: canvas.title, channel: canvas.channel ?? null, markdown: canvas.markdown };
};
