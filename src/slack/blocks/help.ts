/** `/incident help`: one line per subcommand, those that need an incident channel under their own heading. */
export const helpText = (entries: readonly { usage: string; inIncident: boolean }[]): string =>
  [
    '*`/incident` commands*',
    ...entries.filter((entry) => !entry.inIncident).map((entry) => entry.usage),
    '*In an incident channel*',
    ...entries.filter((entry) => entry.inIncident).map((entry) => entry.usage),
  ].join('\n');
