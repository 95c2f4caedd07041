// Type-aware lint: the rules that catch what tsc does not, above all a promise nobody awaits in code
// that does its work after ack(). `npm run lint` runs it, then the import-cycle check, the import rules
// and the copy-paste check (jscpd, configured in .jscpd.json); CI runs that.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const untypedJson = {
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'db/', 'src/sandbox/ui/sandbox-client.js', 'src/sandbox/ui/sandbox-dom.js', 'src/sandbox/ui/sandbox-clicks.js'] },
  js.configs.recommended,
  // Plain JavaScript run by Node (the benchmarks' worker threads).
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['console', 'process', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'URL', 'fetch'].map((name) => [name, 'readonly']),
      ),
    },
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Use cases and handlers are async to match their Promise-returning ports even when the body is
      // synchronous (a transaction must hold no await); a throw must still become a rejection.
      '@typescript-eslint/require-await': 'off',
      // Repositories and ports are plain objects of closures built by factories, never `this`-bound
      // classes; their method-shorthand types make every `deps.foo.bar` passed along a false alarm.
      '@typescript-eslint/unbound-method': 'off',
      // `_name` marks what a destructuring leaves out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // A function that does not fit on a screen hides what it does; a factory returning an object of
    // closures counts as one function, so its operations live in named functions of their own.
    files: ['src/**', 'packages/slack-emulator/src/**'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The emulator checks arbitrary JSON the way Slack does: values are `unknown` or `any[]` on purpose,
    // and String() of an unexpected object is what ends up in the refusal.
    files: ['src/sandbox/**', 'packages/slack-emulator/src/**'],
    rules: { ...untypedJson, '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // The emulator is for the tests and the local sandbox, which main.ts loads only when no Slack
    // variable is set; test/architecture.test.ts checks the same on every run.
    files: ['src/**'],
    ignores: ['src/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'slack-emulator', message: 'only the tests and src/sandbox use the Slack emulator' }] }] },
  },
  {
    // Tests read response bodies as JSON and assert on them: a wrong shape fails the assertion.
    files: ['test/**', 'bench/**', 'packages/*/test/**'],
    rules: untypedJson,
  },
  {
    // Plain JavaScript (this file, the sandbox's browser script) has no types to lint with.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
