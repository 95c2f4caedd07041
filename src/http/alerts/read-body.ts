import type { IncomingMessage } from 'node:http';

/** Large enough for Prometheus' batches (64 alerts by default) many times over. */
export const maxBodyBytes = 4 * 1024 * 1024;

export type Body = { ok: true; text: string } | { ok: false; status: 413 | 400; reason: string };

/** Reads the request body, refusing it as soon as it grows past the limit. */
export const readBody = (request: IncomingMessage, limit = maxBodyBytes): Promise<Body> =>
  new Promise((resolve) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve({ ok: false, status: 413, reason: `body too large: at most ${limit} bytes` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, status: 413, reason: `body too large: at most ${limit} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
      done = true;
    });
    request.on('error', () => {
      if (!done) resolve({ ok: false, status: 400, reason: 'the request body could not be read' });
      done = true;
    });
  });

export const bearerToken = (request: IncomingMessage): string | undefined => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
};
