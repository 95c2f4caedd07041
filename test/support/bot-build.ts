import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;

/**
 * `src/main.ts` compiled once into one file, for the tests that start the bot process over and over
 * (kills, restarts, start-up errors). tsx compiles with the same esbuild, one file at a time on every
 * start; on a loaded 2-core machine that doubles what each start costs. `npm start` itself is still
 * run as written by test/e2e/start-command.test.ts.
 *
 * Packages stay external (but the workspace's TypeScript emulator), so the file must live under the project's node_modules to find them.
 * Each source file's `import.meta.url` is kept as its own (migrations and sandbox assets are found
 * relative to it), not the bundle's.
 */
export const buildBot = async (run: string): Promise<{ main: string; remove: () => void }> => {
  const directory = join(root, 'node_modules', '.cache', 'incident-bot-test', run);
  mkdirSync(directory, { recursive: true });
  const main = join(directory, 'main.mjs');
  await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        // Packages stay external, except the workspace's own Slack emulator, which is TypeScript.
        name: 'packages-external',
        setup(plugin) {
          plugin.onResolve({ filter: /^[^./]/ }, (file) => (file.path === 'slack-emulator' ? undefined : { path: file.path, external: true }));
        },
      },
      {
        name: 'own-import-meta-url',
        setup(plugin) {
          plugin.onLoad({ filter: /\/src\/.*\.ts$/ }, (file) => ({
            contents: readFileSync(file.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  // esbuild keeps a helper process for further builds; there are none.
  await stop();
  return { main, remove: () => rmSync(directory, { recursive: true, force: true }) };
};
