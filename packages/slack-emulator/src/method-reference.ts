/**
 * Facts about every Slack Web API method (bot scopes, rate-limit tier, required arguments), generated from
 * Slack's reference by scripts/build-method-reference.ts and committed as method-reference.json.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const methodFactsSchema = z.object({
  /** any one of these bot scopes suffices; null when the method needs none */
  scopes: z.array(z.string()).nullable(),
  /** false when the method lists only user scopes: a bot token is refused */
  bot: z.boolean(),
  tier: z.string().nullable(),
  required: z.array(z.string()),
  /** whether the method reads arguments from a JSON body */
  json: z.boolean(),
  /** the error Slack documents for a missing argument */
  missing: z.enum(['missing_argument', 'invalid_arguments']),
});

export type MethodFacts = z.infer<typeof methodFactsSchema>;

const referenceSchema = z.record(z.string(), methodFactsSchema);

let cached: Record<string, MethodFacts> | undefined;

export function methodReference(): Record<string, MethodFacts> {
  cached ??= referenceSchema.parse(
    JSON.parse(readFileSync(new URL('./method-reference.json', import.meta.url), 'utf8')),
  );
  return cached;
}

export function methodFacts(method: string): MethodFacts | undefined {
  return Object.hasOwn(methodReference(), method) ? methodReference()[method] : undefined;
}
