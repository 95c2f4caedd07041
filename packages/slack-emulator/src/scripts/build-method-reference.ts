/**
 * One-off generator for ../method-reference.json. Run by hand only, when the Slack reference changes:
 *
 *   npx tsx packages/slack-emulator/src/scripts/build-method-reference.ts [/path/to/slack-reference]
 *
 * It reads the Slack reference data (default /work/shared/slack-reference, which is not part of the
 * repository) and writes a compact table the fake Slack server loads at test time. Tests never run this.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type RawMethod = {
  scope?: unknown;
  rate_limits?: unknown;
  json_input_supported?: unknown;
  args?: { required?: unknown };
  errors?: unknown;
};

const referenceDir = process.argv[2] ?? '/work/shared/slack-reference';
const methodsDir = join(referenceDir, 'methods');
const outFile = fileURLToPath(new URL('../method-reference.json', import.meta.url));

function botScopes(scope: unknown): string[] | null {
  if (typeof scope !== 'object' || scope === null) return null;
  const bot = (scope as Record<string, unknown>)['bot'];
  return Array.isArray(bot) && bot.length > 0 ? bot.map(String) : null;
}

function acceptsBotToken(scope: unknown): boolean {
  if (typeof scope !== 'object' || scope === null) return true;
  const kinds = scope as Record<string, unknown>;
  // A method that lists only user scopes cannot be called with a bot token.
  return !(Array.isArray(kinds['user']) && kinds['user'].length > 0 && !Array.isArray(kinds['bot']));
}

function tier(rateLimits: unknown): string | null {
  return typeof rateLimits === 'string' && /^t[1-5]$/.test(rateLimits) ? rateLimits : null;
}

const table: Record<string, unknown> = {};
for (const file of readdirSync(methodsDir).sort()) {
  if (!file.endsWith('.json') || file === 'methods.json') continue; // methods.json is an index, not a method
  const method = file.slice(0, -'.json'.length);
  const raw = JSON.parse(readFileSync(join(methodsDir, file), 'utf8')) as RawMethod;
  const errors = typeof raw.errors === 'object' && raw.errors !== null ? Object.keys(raw.errors) : [];
  table[method] = {
    scopes: botScopes(raw.scope),
    bot: acceptsBotToken(raw.scope),
    tier: tier(raw.rate_limits),
    required: Array.isArray(raw.args?.required) ? raw.args.required.map(String).filter((a) => a !== 'token') : [],
    json: raw.json_input_supported === true,
    missing: errors.includes('missing_argument') ? 'missing_argument' : 'invalid_arguments',
  };
}

const lines = Object.entries(table).map(([name, entry]) => `  ${JSON.stringify(name)}: ${JSON.stringify(entry)}`);
writeFileSync(outFile, `{\n${lines.join(',\n')}\n}\n`);
console.log(`wrote ${lines.length} methods to ${outFile}`);
