import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { incidentConfigFileSchema } from '../../src/config/incident-config-schema.js';

// The README promises that incident-bot.example.yml explains every key: every key the schema
// accepts must be written out (with its comment) somewhere in the example.

/** Every key path the schema accepts, lists written as `services[].name`. */
const schemaPaths = (schema: z.core.$ZodType, prefix: string): string[] => {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return schemaPaths(def.innerType as z.core.$ZodType, prefix);
    case 'pipe':
      return schemaPaths(def.in as z.core.$ZodType, prefix);
    case 'array':
      return schemaPaths(def.element as z.core.$ZodType, `${prefix}[]`);
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, value]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return [path, ...schemaPaths(value, path)];
      });
    default:
      return []; // a leaf, or a record whose keys are the user's (typed_reactions)
  }
};

/** Every key path written in a parsed YAML document, in the same notation. */
const documentPaths = (value: unknown, prefix: string): string[] => {
  if (Array.isArray(value)) return value.flatMap((item) => documentPaths(item, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...documentPaths(child, path)];
  });
};

describe('incident-bot.example.yml', () => {
  const example = parse(readFileSync(new URL('../../incident-bot.example.yml', import.meta.url), 'utf8')) as unknown;

  it('walks the schema (a walker that found nothing would prove nothing)', () => {
    expect(schemaPaths(incidentConfigFileSchema, '')).toEqual(
      expect.arrayContaining(['timezone', 'services[].id', 'schedules[].layers[].restrict.days', 'status_page.templates.resolved', 'drills.speedup']),
    );
  });

  it('writes out every key the configuration schema accepts', () => {
    const written = new Set(documentPaths(example, ''));
    expect(schemaPaths(incidentConfigFileSchema, '').filter((path) => !written.has(path))).toEqual([]);
  });
});
