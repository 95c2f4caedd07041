import { existsSync } from 'node:fs';
import { runAsCommand, type CommandOutput } from './command-line.js';
import { ConfigError } from './env.js';
import { loadIncidentConfig } from './incident-config-file.js';
import type { IncidentConfig } from './incident-config.js';

/** 6h, 90m: how often, as the file would write it. */
const every = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`);

/** What the file sets up, in one line: its counts, its SLOs (those from OpenSLO files included), what permissions restrict, its backups. */
const summary = (config: IncidentConfig): string => {
  const restricted = Object.keys(config.permissions.actions);
  return (
    `${config.services.length} services, ${config.teams.length} teams, ${config.schedules.length} schedules, ${config.escalationPolicies.length} escalation policies` +
    (config.slos.length > 0 ? `, ${config.slos.length} SLO${config.slos.length === 1 ? '' : 's'}` : '') +
    (restricted.length > 0 ? `; restricted: ${restricted.join(', ')}` : '') +
    (config.backups ? `; backups every ${every(config.backups.everyMs)} into ${config.backups.dir}, the newest ${config.backups.keep} kept` : '')
  );
};

/**
 * `npm run config:check [file]`: validates the configuration file without starting the bot.
 * The file is the argument, else $CONFIG_PATH, else ./incident-bot.yml when it exists; with none of
 * them the bot runs on its built-in defaults, which is not an error. Returns the exit code.
 */
export const checkConfig = (
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CommandOutput,
  { defaultFile = 'incident-bot.yml' }: { defaultFile?: string } = {},
): number => {
  // A blank CONFIG_PATH (as in a copied .env.example) is unset, as it is for the bot.
  const file = args[0] ?? (env.CONFIG_PATH || (existsSync(defaultFile) ? defaultFile : undefined));
  if (file === undefined) {
    output.out(`no configuration file (no argument, CONFIG_PATH unset, no ${defaultFile}): the built-in defaults are in force`);
    return 0;
  }
  try {
    const config = loadIncidentConfig(file, { required: true });
    output.out(`ok: ${file}: ${summary(config)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.err(error.message);
    return 1;
  }
};

runAsCommand(import.meta.url, checkConfig);
