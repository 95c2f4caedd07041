import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { methodFacts } from 'slack-emulator';

const root = new URL('..', import.meta.url);
const manifest = parse(readFileSync(new URL('manifest.yml', root), 'utf8'));
const botScopes: string[] = manifest.oauth_config.scopes.bot;
const botEvents: string[] = manifest.settings.event_subscriptions.bot_events;
const eventScopes: Record<string, string[]> = JSON.parse(readFileSync(new URL('test/fixtures/event-scopes.json', root), 'utf8'));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Every `client.<family>.<method>(` (and `client.<family>.<sub>.<method>(`) in src/. */
const methodsCalledBySource = (): Set<string> => {
  const called = new Set<string>();
  for (const file of sourceFiles(new URL('src', root).pathname)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bclient\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) called.add(match[1]!);
  }
  return called;
};

describe('manifest.yml', () => {
  it("is valid against Slack's app manifest JSON Schema", () => {
    const schema = JSON.parse(readFileSync(new URL('test/fixtures/manifest.schema.json', root), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('declares the /incident command, interactivity and the events the bot listens to', () => {
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual(['/incident']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const listened = [...readFileSync(new URL('src/slack/listeners/events/index.ts', root), 'utf8').matchAll(/app\.event\('([a-z_]+)'/g)]
      .map((match) => match[1]!)
      .flatMap((event) => (event === 'message' ? ['message.channels', 'message.groups'] : [event]));
    expect([...botEvents].sort()).toEqual([...new Set(listened)].sort());
  });

  const called = methodsCalledBySource();

  it('finds the Web API calls in src (the scan itself works)', () => {
    expect(called).toContain('chat.postMessage');
    expect(called).toContain('conversations.create');
  });

  it.each([...called].sort())('grants a bot scope that covers %s', (method) => {
    const facts = methodFacts(method);
    expect(facts, `${method} is not a Slack Web API method`).toBeDefined();
    expect(facts!.bot, `${method} cannot be called with a bot token`).toBe(true);
    if (facts!.scopes === null) return;
    expect(facts!.scopes.some((scope) => botScopes.includes(scope)), `${method} needs one of ${facts!.scopes.join(', ')}`).toBe(true);
  });

  it('asks for no scope the code does not need', () => {
    const needed = new Set<string>(['commands']);
    for (const method of called) for (const scope of methodFacts(method)?.scopes ?? []) needed.add(scope);
    for (const event of botEvents) for (const scope of eventScopes[event] ?? []) needed.add(scope);
    // Posting the announcement to a public channel the bot never joined is what chat:write.public is for.
    if (called.has('chat.postMessage')) needed.add('chat:write.public');
    expect(botScopes.filter((scope) => !needed.has(scope))).toEqual([]);
  });
});
