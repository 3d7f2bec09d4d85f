import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const TEST_DIRS = ['tests/unit', 'tests/integration'];
const TEST_FILE = /\.test\.ts$/;

/**
 * Files that replace modules or globals (vi.mock, vi.stubGlobal, fake timers, TZ): their changes would
 * leak into the next file in a shared worker, so they run isolated. Found by reading the files, so a new
 * test that mocks is isolated without anyone remembering to list it.
 */
const CHANGES_THE_WORLD = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|process\.env\.TZ\s*=/;

function testFiles(): string[] {
  return TEST_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => TEST_FILE.test(name))
      .map((name) => path.posix.join(dir, name.split(path.sep).join('/'))),
  );
}

const isolatedFiles = testFiles().filter((file) => CHANGES_THE_WORLD.test(readFileSync(file, 'utf8')));

/**
 * A hook at a helper module's top level runs only for the first file of a worker that imports it (the module is
 * evaluated once per worker): helpers export a `use…()` that each test file calls instead. Refused here, at once.
 */
const TOP_LEVEL_HOOK = /^(beforeAll|afterAll|beforeEach|afterEach)\(/m;
const helperWithHooks = readdirSync('tests/helpers', { encoding: 'utf8' }).find((name) =>
  TOP_LEVEL_HOOK.test(readFileSync(path.join('tests/helpers', name), 'utf8')),
);
if (helperWithHooks !== undefined) {
  throw new Error(`tests/helpers/${helperWithHooks} registers a test hook at its top level; export a use…() instead`);
}

export default defineConfig({
  plugins: [
    {
      // Migrations are .sql files imported as text, as esbuild's text loader does in the build.
      name: 'sql-as-text',
      transform(code, id) {
        return id.endsWith('.sql') ? { code: `export default ${JSON.stringify(code)};`, map: null } : null;
      },
    },
  ],
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest leaves one core free by default, which on a two-core machine means one file at a time;
    // the suite is mostly module loading and SQLite, so every core pays (≈ 270 s → ≈ 175 s on two).
    maxWorkers: os.availableParallelism(),
    testTimeout: 20_000,
    // Some files seed a hub in beforeAll; two at once on a busy two-core machine took over the 10-s default.
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`),
          exclude: isolatedFiles,
          // Most of the suite's time was each file importing the hub afresh (≈ 0.6 of its CPU): files that
          // change no module or global share a worker's module cache. Each opens its own hub and database.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: isolatedFiles } },
    ],
  },
});
