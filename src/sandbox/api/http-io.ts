import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refusal with the HTTP status and a reason a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const maxBodyBytes = 256 * 1024;

const noStore = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Reads a JSON body. Only `application/json` is taken: a page on another origin cannot send that
 * without a CORS preflight, which these routes never answer, so it cannot act in the sandbox.
 */
export const readJsonBody = async (request: IncomingMessage): Promise<unknown> => {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'send the body as JSON with content-type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new HttpError(413, `the body is larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'the body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
};

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...noStore, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
};

export const sendText = (response: ServerResponse, status: number, contentType: string, body: string): void => {
  response.writeHead(status, { ...noStore, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
};

/** The query parameters of a request, e.g. `?as=U…&channel=C…`. */
export const queryOf = (request: IncomingMessage): URLSearchParams => new URL(request.url ?? '/', 'http://localhost').searchParams;

const emulatorPrefix = 'fake-slack: ';

/**
 * Turns what went wrong into an answer: our refusals keep their status; the emulator's plain Errors are
 * things the Slack client would not let a person do (click a button that is not there), so a 400.
 */
export const sendError = (response: ServerResponse, error: unknown, onUnexpected: (error: unknown) => void): void => {
  if (response.headersSent) {
    response.end();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: error.message });
    return;
  }
  if (error instanceof Error && error.message.startsWith(emulatorPrefix)) {
    sendJson(response, 400, { error: error.message.slice(emulatorPrefix.length) });
    return;
  }
  onUnexpected(error);
  sendJson(response, 500, { error: 'unexpected failure; see the sandbox log' });
};
