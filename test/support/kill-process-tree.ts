import { readFileSync } from 'node:fs';

/** Child pids of a process, from /proc (Linux). */
const childrenOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/**
 * SIGKILLs a process and everything it started. `tsx src/main.ts` runs the bot in a child node
 * process: SIGKILL cannot be relayed, so killing only the tsx wrapper leaves the bot running.
 */
export const killProcessTree = (pid: number): void => {
  const all: number[] = [];
  const visit = (current: number) => {
    all.push(current);
    for (const child of childrenOf(current)) visit(child);
  };
  visit(pid);
  for (const target of all.reverse()) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
