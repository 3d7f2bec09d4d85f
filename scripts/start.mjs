// `npm start`: the desktop console when Electron's runtime is installed; otherwise (an offline
// install, a headless server) one clear line saying so, and the web shell with its URL instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, findElectronBinary } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Our own flags; everything else goes to the shell (--port, --host, --data-dir, --no-demo, …).
const OWN_FLAGS = ['--web', '--skip-build'];
const argv = process.argv.slice(2);
const args = argv.filter((a) => !OWN_FLAGS.includes(a));

if (!argv.includes('--skip-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** @param {string} cmd @param {string[]} argv @param {NodeJS.ProcessEnv} env */
function run(cmd, argv, env) {
  const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env });
  const forward = (/** @type {NodeJS.Signals} */ sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = findElectronBinary(root);
if (electron && !argv.includes('--web')) {
  // Electron's ABI differs from Node's: its better-sqlite3 lives in .cache, never over node_modules.
  const binding = ensureElectronSqlite(root);
  run(electron, [path.join(root, 'out/electron/main.cjs'), ...args], {
    ...process.env,
    CITYOPS_SQLITE_BINDING: binding,
  });
} else {
  if (!electron) {
    console.log(
      '[cityops] 未安装 Electron 运行时，改为启动网页版控制台 / Electron runtime not installed — starting the web shell instead.',
    );
  }
  run(process.execPath, [path.join(root, 'out/node/web.js'), ...args], process.env);
}
