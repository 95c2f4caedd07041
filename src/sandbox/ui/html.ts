import { escapeMarkup } from '../../http/status-page/escape.js';

/** Escapes text for HTML element content and quoted attributes. */
export const esc = (text: unknown): string => escapeMarkup(String(text ?? ''));

/** ` name="value"` pairs; undefined, null and false leave the attribute out, true writes it bare. */
export const attrs = (pairs: Record<string, string | number | boolean | null | undefined>): string =>
  Object.entries(pairs)
    .map(([name, value]) => (value === undefined || value === null || value === false ? '' : value === true ? ` ${name}` : ` ${name}="${esc(value)}"`))
    .join('');

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
