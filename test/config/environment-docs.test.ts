import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every variable the bot reads is in both places people look: .env.example and the README's table.
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('the environment documentation', () => {
  const example = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!);
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('### Environment'), readme.indexOf('## Using it'));
  const documented = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]!);

  it('reads both lists (a check over nothing would prove nothing)', () => {
    expect(example).toContain('SLACK_BOT_TOKEN');
    expect(documented).toContain('SLACK_BOT_TOKEN');
  });

  it('lists every variable of .env.example in the README table, and no other', () => {
    expect([...documented].sort()).toEqual([...example].sort());
  });
});
