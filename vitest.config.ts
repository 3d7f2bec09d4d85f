import os from 'node:os';
import { defineConfig } from 'vitest/config';

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
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest leaves one core free by default, which on a two-core machine means one file at a time;
    // the suite is mostly module loading and SQLite, so every core pays (≈ 270 s → ≈ 175 s on two).
    maxWorkers: os.availableParallelism(),
    testTimeout: 20_000,
    // Some files seed a hub in beforeAll; two at once on a busy two-core machine took over the 10-s default.
    hookTimeout: 30_000,
  },
});
