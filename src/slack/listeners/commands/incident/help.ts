import { helpText } from '../../../blocks/help.js';
import { noWords } from '../../../parse/command-text.js';
import { anywhere, type Subcommand } from './subcommand.js';

/** `/incident help`, written from the table itself so that it lists exactly what exists. */
export const help = (table: () => readonly Subcommand[]): Subcommand =>
  anywhere({
    name: 'help',
    usage: '`/incident help`: this help',
    parse: noWords,
    run: ({ reply }) => reply(helpText(table())),
  });
