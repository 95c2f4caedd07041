import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { runVariable, survivors } from './support/started-processes.js';

describe('the check that the suite leaves nothing running', () => {
  it('finds a process by its group or by the run marker in its environment, and no longer once it is gone', async () => {
    const marker = `${runVariable}=hygiene-${process.pid}`;
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', [runVariable]: `hygiene-${process.pid}` } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      expect(survivors([child.pid!], 'nothing=matches').map((found) => found.pid)).toContain(child.pid);
      expect(survivors([], marker).map((found) => found.pid)).toEqual([child.pid]);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
    await exited;
    await eventually(() => expect(survivors([child.pid!], marker)).toEqual([]));
  });
});
