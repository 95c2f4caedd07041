import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Processes the suite starts are recorded here, so the global teardown can prove none outlives
 * `npm test`. The global setup names a directory and a run id in the environment, which the test
 * workers inherit; every process the suite starts carries the run id in its environment, so even
 * a grandchild that left its process group can be found.
 */
export const registryVariable = 'INCIDENT_BOT_TEST_PROCESSES';
export const runVariable = 'INCIDENT_BOT_TEST_RUN';
/** Where the global setup tells the test workers the compiled bot is (test/support/bot-build.ts). */
export const builtBotVariable = 'INCIDENT_BOT_TEST_BUILT_MAIN';

/** The environment marker to give a process the suite starts. */
export const runMarker = (): Record<string, string> => {
  const run = process.env[runVariable];
  return run ? { [runVariable]: run } : {};
};

/** Records a started process group leader. */
export const recordStartedProcess = (pid: number | undefined): void => {
  const directory = process.env[registryVariable];
  if (!directory || pid === undefined) return;
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, String(pid)), '');
};

export const recordedProcessGroups = (directory: string): number[] =>
  readdirSync(directory)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid > 0);

export interface LiveProcess {
  pid: number;
  command: string;
}

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Live (not zombie) processes in one of `groups` or carrying `marker` in their environment. Reads
 * /proc where there is one (Linux); elsewhere asks the kernel whether each group still has members.
 */
export const survivors = (groups: readonly number[], marker: string): LiveProcess[] => {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return groups.filter((group) => groupIsAlive(group)).map((group) => ({ pid: group, command: `process group ${group}` }));
  }
  const found: LiveProcess[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    // stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so read after the last ')'.
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, , pgrp] = fields;
    if (!state || state === 'Z' || state === 'X') continue;
    const inGroup = groups.includes(Number(pgrp));
    const marked = readOrEmpty(`/proc/${pid}/environ`).split('\0').includes(marker);
    if (inGroup || marked) found.push({ pid: Number(pid), command: readOrEmpty(`/proc/${pid}/cmdline`).split('\0').join(' ').trim() });
  }
  return found;
};

const groupIsAlive = (group: number): boolean => {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
};
