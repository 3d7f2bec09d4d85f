// Runs one TypeScript entry point under plain Node: bundles it with esbuild (as scripts/build.mjs
// does, .sql files as text, native modules external) into .cache/run-ts/ and runs it there.
// Usage: node scripts/run-ts.mjs <file.ts> [args…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}

const outfile = path.join(root, '.cache/run-ts', `${path.basename(entry).replace(/\.[cm]?tsx?$/, '')}.mjs`);
await build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'inline',
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'],
  absWorkingDir: root,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
