/**
 * The records the fake workspace keeps for files and canvases. Kept apart from stored-files.ts, which
 * renders them and needs the Workspace, so that workspace.ts can hold them without an import cycle.
 */

/** How the bytes reached the upload URL: the raw body, or the file part of a multipart form. */
export type ReceivedUpload = {
  bytes: Buffer;
  contentType: string;
  /** the multipart field that carried the file (`file`, `filename`, or `body` as @slack/web-api sends) */
  field?: string;
  /** the file name given in the multipart part */
  partFilename?: string;
};

export type SlackFile = {
  id: string;
  /** `filename` given to files.getUploadURLExternal */
  name: string;
  /** from files.completeUploadExternal; the name until then */
  title: string;
  /** `length` announced to files.getUploadURLExternal; may differ from what was uploaded */
  announcedLength: number;
  altTxt?: string;
  snippetType?: string;
  uploader: string;
  created: number;
  /** set once bytes were posted to the upload URL */
  upload?: ReceivedUpload;
  /** set by files.completeUploadExternal: from then on the file exists for files.info */
  completed: boolean;
  /** conversations the file was shared to, with the ts of the message that carries it */
  shares: { channel: string; ts: string; threadTs?: string }[];
};

export type Canvas = {
  id: string;
  title: string;
  markdown: string;
  /** the channel it is tabbed in, when created with channel_id */
  channel?: string;
  creator: string;
  created: number;
};
