import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/slack/blocks/help.js';
import { findSubcommand, subcommands } from '../../src/slack/listeners/commands/incident/index.js';

describe('the /incident table', () => {
  const names = subcommands.flatMap((subcommand) => [subcommand.name, ...(subcommand.aliases ?? [])]);

  it('gives every name and alias to one subcommand only', () => {
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('finds each subcommand by its name and its aliases, and a bare /incident declares', () => {
    for (const subcommand of subcommands) {
      for (const name of [subcommand.name, ...(subcommand.aliases ?? [])]) expect(findSubcommand(name)).toBe(subcommand);
    }
    expect(findSubcommand('')?.name).toBe('declare');
    expect(findSubcommand('frobnicate')).toBeUndefined();
  });

  it('writes the help from the table: one line each, those needing an incident channel under their heading', () => {
    const lines = helpText(subcommands).split('\n');
    const heading = lines.indexOf('*In an incident channel*');
    expect(heading).toBeGreaterThan(0);
    for (const subcommand of subcommands) {
      const at = lines.indexOf(subcommand.usage);
      expect(at, subcommand.name).toBeGreaterThan(0);
      expect(at > heading, subcommand.name).toBe(subcommand.inIncident);
      expect(subcommand.usage.startsWith(`\`/incident`), subcommand.name).toBe(true);
    }
  });

  it('is what the README documents: each subcommand has its row in "Using it"', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Using it'), readme.indexOf('The pinned card has buttons'));
    for (const subcommand of subcommands) expect(table, subcommand.name).toMatch(new RegExp(`/incident[^|]*\\b${subcommand.name}\\b`));
  });
});
