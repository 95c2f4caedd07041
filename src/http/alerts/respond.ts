import type { ServerResponse } from 'node:http';

export const sendJson = (response: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
};

export const refuse = (response: ServerResponse, status: number, reason: string, headers: Record<string, string> = {}): void =>
  sendJson(response, status, { status: 'error', error: reason }, headers);

/** An answer with no body: its status says it all. */
export const sendEmpty = (response: ServerResponse, status: number): void => {
  response.writeHead(status, { 'content-length': '0' });
  response.end();
};
