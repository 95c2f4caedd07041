import { z } from 'zod';

// Pieces every section of the configuration file's schema is made of.

/** Levenshtein distance, for "did you mean" on misspelt keys. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

const unknownKeyMessage = (key: string, known: string[]): string => {
  const closest = known
    .map((candidate) => ({ candidate, distance: distance(key.toLowerCase(), candidate) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = closest && closest.distance <= Math.max(2, Math.floor(key.length / 3)) ? `did you mean ${closest.candidate}? ` : '';
  return `unknown key (${hint}allowed here: ${known.join(', ')})`;
};

/**
 * An object that refuses unknown keys. The message holds one line per unknown key, in the order of
 * the issue's `keys`, so the error report can give each its own path.
 */
export const strict = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => unknownKeyMessage(key, Object.keys(shape))).join('\n') : undefined,
  });

/** Optional list: absent or empty (`services:` with nothing after it) both mean none. */
export const list = <Item extends z.ZodType>(item: Item) =>
  z
    .array(item, { error: 'must be a list' })
    .nullish()
    .transform((items) => items ?? []);

const idHint = 'must be an id of letters, digits, -, _ or . such as payments-api';
export const id = z.string({ error: idHint }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, idHint);
export const optionalId = id.nullish().transform((value) => value ?? null);
export const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

const envNameHint = 'must be the name of an environment variable such as PROMETHEUS_ALERTS_TOKEN';
export const envName = z.string({ error: envNameHint }).regex(/^[A-Z_][A-Z0-9_]*$/, envNameHint);
