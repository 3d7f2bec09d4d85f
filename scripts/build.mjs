// Builds everything the shells run: Node bundles (web shell, CLI tools), the Electron main and
// preload bundles, and the renderer (Vite). `--node-only` skips the renderer.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  // Native or optional modules stay in node_modules; electron is provided by the runtime.
  external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'],
  absWorkingDir: root,
};

/**
 * pdfkit's ES module build reads `import.meta.url` when loaded, which a CommonJS bundle does not
 * have: the Electron main bundle takes pdfkit's CommonJS build instead.
 */
/** @type {import('esbuild').Plugin} */
const pdfkitCommonJs = {
  name: 'pdfkit-commonjs',
  setup(b) {
    const resolved = createRequire(path.join(root, 'package.json')).resolve('pdfkit');
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: resolved }));
  },
};

await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    entryPoints: {
      web: 'main/shell-web/cli.ts',
      backup: 'main/cli/backup.ts',
      restore: 'main/cli/restore.ts',
      'verify-ledger': 'main/cli/verify-ledger.ts',
    },
    outdir: 'out/node',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  esbuild({
    ...common,
    format: 'cjs',
    entryPoints: { main: 'main/shell-electron/main.ts' },
    outdir: 'out/electron',
    outExtension: { '.js': '.cjs' },
    plugins: [pdfkitCommonJs],
    // A CommonJS bundle has no import.meta: its url is the bundle's own file (the media engine looks
    // mediasoup up from there, main/media/engine/index.ts).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  esbuild({
    ...common,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome130',
    entryPoints: { preload: 'preload/index.ts' },
    outdir: 'out/electron',
    outExtension: { '.js': '.cjs' },
  }),
]);

if (!nodeOnly) {
  const vite = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
console.log(`[build] ${nodeOnly ? 'node bundles' : 'node bundles + renderer'} → out/`);
