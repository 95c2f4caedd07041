import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './env.js';
import { crossReferenceProblems, definedIds, type Problem } from './incident-config-references.js';
import { defaultIncidentConfig, incidentConfigSchema, type IncidentConfig } from './incident-config.js';
import { slosFromOpenSlo, type OpenSloFile } from './openslo.js';

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

/** `slos` entries read from OpenSLO files, after the file's own: where each came from, by index. */
interface OpenSloPart {
  firstIndex: number;
  origins: string[];
  problems: string[];
}

const problemLine = (problem: Problem, openslo: OpenSloPart): string => {
  const [section, index, ...rest] = problem.path;
  const origin = section === 'slos' && typeof index === 'number' ? openslo.origins[index - openslo.firstIndex] : undefined;
  if (origin) return `${origin}: ${formatPath(rest) || '(the SLO)'}: ${problem.message}`;
  return `${formatPath(problem.path) || '(top level)'}: ${problem.message}`;
};

export interface ParseOptions {
  /** Reads a file `openslo:` names (paths are relative to the configuration file); none: they are refused. */
  readOpenSlo?: (path: string) => string;
}

/**
 * The SLOs of the OpenSLO files the configuration names, joined to its `slos` (in `raw`, before the
 * schema reads it, so they are checked like the others: ids unique, prometheus set).
 */
const joinOpenSlo = (raw: Record<string, unknown>, options: ParseOptions): OpenSloPart => {
  const slos: unknown[] | undefined = Array.isArray(raw.slos) ? (raw.slos as unknown[]) : raw.slos === undefined || raw.slos === null ? [] : undefined;
  const paths = Array.isArray(raw.openslo) ? raw.openslo.filter((path): path is string => typeof path === 'string') : [];
  const none = { firstIndex: slos?.length ?? 0, origins: [], problems: [] };
  if (paths.length === 0 || !slos) return none;
  const files: OpenSloFile[] = [];
  const problems: string[] = [];
  for (const [index, path] of paths.entries()) {
    if (!options.readOpenSlo) {
      problems.push(`openslo[${index}]: ${path}: OpenSLO files are read next to a configuration file on disk`);
      continue;
    }
    try {
      files.push({ path, text: options.readOpenSlo(path) });
    } catch (error) {
      problems.push(`openslo[${index}]: ${path}: ${isMissingFile(error) ? 'file not found' : `cannot be read (${error instanceof Error ? error.message : String(error)})`}`);
    }
  }
  const read = slosFromOpenSlo(files, definedIds(raw, 'services'));
  raw.slos = [...slos, ...read.slos];
  return { firstIndex: slos.length, origins: read.origins, problems: [...problems, ...read.problems] };
};

/**
 * Parses the YAML configuration. Throws a ConfigError listing every problem, one per line with its
 * path (`schedules[0].layers[0].rotation: …`), or the line and column of a YAML syntax error.
 */
export const parseIncidentConfig = (yamlText: string, source = 'config', options: ParseOptions = {}): IncidentConfig => {
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
  const openslo = joinOpenSlo(raw as Record<string, unknown>, options);
  const parsed = incidentConfigSchema.safeParse(raw, { reportInput: true });
  const problems = [...(parsed.error?.issues.flatMap(issueProblems) ?? []), ...crossReferenceProblems(raw)];
  if (!parsed.success || problems.length > 0 || openslo.problems.length > 0) {
    return refuse(source, [...problems.map((problem) => problemLine(problem, openslo)), ...openslo.problems]);
  }
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
  return parseIncidentConfig(text, path, { readOpenSlo: (file) => readFileSync(resolve(dirname(path), file), 'utf8') });
};
