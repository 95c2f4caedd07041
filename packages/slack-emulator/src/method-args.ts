/** Types and argument readers shared by the Web API method handlers. */
import type { Workspace } from './workspace.js';

export type Args = Record<string, unknown>;

export type ApiResponse = { ok: boolean; error?: string } & Record<string, unknown>;

export type MethodContext = {
  ws: Workspace;
  args: Args;
  scopes: ReadonlySet<string>;
  /** the fake server's address, e.g. for upload URLs and url_private */
  baseUrl: string;
};

export type MethodHandler = (ctx: MethodContext) => ApiResponse;

export function fail(error: string, extra: Record<string, unknown> = {}): ApiResponse {
  return { ok: false, error, ...extra };
}

/** Slack's newer argument errors: `invalid_arguments` with human-readable messages. */
export function invalidArguments(messages: string[]): ApiResponse {
  return fail('invalid_arguments', { response_metadata: { messages } });
}

/** Form fields arrive as strings; JSON bodies may carry numbers. Empty strings count as absent. */
export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function boolArg(args: Args, name: string): boolean {
  const value = args[name];
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function intArg(args: Args, name: string): number | undefined {
  const value = args[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** `blocks`, `view`, `attachments`: a JSON string in a form body, or already a value in a JSON body. */
export function jsonArg(args: Args, name: string): { present: boolean; value?: unknown; malformed?: boolean } {
  const value = args[name];
  if (value === undefined || value === null || value === '') return { present: false };
  if (typeof value !== 'string') return { present: true, value };
  try {
    return { present: true, value: JSON.parse(value) as unknown };
  } catch {
    return { present: true, malformed: true };
  }
}

export function listArg(args: Args, name: string): string[] {
  return (stringArg(args, name) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
