import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './env.js';
import { crossReferenceProblems, type Problem } from './incident-config-references.js';
import { defaultIncidentConfig, incidentConfigSchema, type IncidentConfig } from './incident-config.js';

/** `services[0].escalation_policy`, `schedules[1].layers[0].rotation` */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

const issueProblems = (issue: z.core.$ZodIssue): Problem[] => {
  if (issue.code === 'unrecognized_keys') {
    const messages = issue.message.split('\n');
    return issue.keys.map((key, index) => ({ path: [...issue.path, key], message: messages[index] ?? 'unknown key' }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path: issue.path, message: 'is required' }];
  return [{ path: issue.path, message: issue.message.replace(/^Invalid input: /, '') }];
};

const refuse = (source: string, lines: string[]): never => {
  throw new ConfigError(`Invalid incident configuration in ${source}:\n${lines.map((line) => `  ${line}`).join('\n')}`);
};

const refuseProblems = (source: string, problems: Problem[]): never =>
  refuse(
    source,
    problems.map((problem) => `${formatPath(problem.path) || '(top level)'}: ${problem.message}`),
  );

/**
 * Parses the YAML configuration. Throws a ConfigError listing every problem, one per line with its
 * path (`schedules[0].layers[0].rotation: …`), or the line and column of a YAML syntax error.
 */
export const parseIncidentConfig = (yamlText: string, source = 'config'): IncidentConfig => {
  const document = parseDocument(yamlText, { prettyErrors: true });
  if (document.errors.length > 0) {
    return refuse(
      source,
      document.errors.map((error) => {
        const where = error.linePos?.[0];
        const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
        return where ? `line ${where.line}, column ${where.col}: ${message}` : message;
      }),
    );
  }
  const raw: unknown = document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return refuse(source, ['(top level): must be a mapping of settings such as timezone, services, schedules']);
  }
  const parsed = incidentConfigSchema.safeParse(raw, { reportInput: true });
  const problems = [...(parsed.error?.issues.flatMap(issueProblems) ?? []), ...crossReferenceProblems(raw)];
  if (!parsed.success || problems.length > 0) return refuseProblems(source, problems);
  return parsed.data;
};

const isMissingFile = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
 * Reads and parses the configuration file. Without a path, or when the file is missing and not
 * required, the bot runs with `defaultIncidentConfig()`; a missing required file is a ConfigError.
 */
export const loadIncidentConfig = (path: string | undefined, options: { required: boolean }): IncidentConfig => {
  if (path === undefined) return defaultIncidentConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) {
      if (!options.required) return defaultIncidentConfig();
      throw new ConfigError(`Invalid incident configuration: ${path}: file not found`);
    }
    throw new ConfigError(`Invalid incident configuration: ${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseIncidentConfig(text, path);
};
