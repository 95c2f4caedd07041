import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A response body rendered once and served as is until what it was rendered from changes. */
export interface CachedDocument {
  contentType: string;
  body: Buffer;
  /** Strong validator: a hash of the body, so an identical re-render keeps it and caches stay valid. */
  etag: string;
  /** When the body last changed, as an HTTP date (whole seconds). */
  lastModified: string;
  lastModifiedMs: number;
}

/**
 * Renders from a source object at most once per source object, keeping the previous body's
 * Last-Modified when a re-render produces the same bytes.
 */
export const documentCache = <S>(render: (source: S) => { contentType: string; body: string }, now: () => number) => {
  let last: { source: S; document: CachedDocument } | undefined;
  return (source: S): CachedDocument => {
    if (last?.source === source) return last.document;
    const rendered = render(source);
    const body = Buffer.from(rendered.body);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const lastModifiedMs = last?.document.etag === etag ? last.document.lastModifiedMs : Math.floor(now() / 1000) * 1000;
    const document = { contentType: rendered.contentType, body, etag, lastModifiedMs, lastModified: new Date(lastModifiedMs).toUTCString() };
    last = { source, document };
    return document;
  };
};

/** The entity tags listed in an If-None-Match header, compared weakly (RFC 9110 §13.1.2). */
const listedTags = (header: string): string[] => header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));

/**
 * True when the client's copy is current: If-None-Match names the body's tag (or `*`); only when
 * that header is absent, If-Modified-Since is at or after the last change (RFC 9110 §13.2.2).
 */
export const isNotModified = (request: IncomingMessage, document: CachedDocument): boolean => {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = listedTags(ifNoneMatch);
    return tags.includes('*') || tags.includes(document.etag);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && document.lastModifiedMs <= since;
};
