// Locating the Electron runtime and building native modules for it — without ever loading the
// `electron` npm package, whose index.js downloads the binary on first require (and hangs offline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The executable's path inside an Electron dist folder, per platform (as electron/install.js has it).
 *
 * @param {string} platform
 */
function platformExecutable(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Absolute path of the Electron executable installed under `projectRoot`, or null when it is not
 * there (e.g. the binary download was skipped). Mirrors node_modules/electron/index.js: the
 * executable named by `path.txt` inside `dist/`, or inside `ELECTRON_OVERRIDE_DIST_PATH` when that
 * is set — but it never downloads anything.
 *
 * @param {string} projectRoot
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findElectronBinary(projectRoot, env = process.env) {
  const electronDir = path.resolve(projectRoot, 'node_modules', 'electron');
  /** @type {string | undefined} */
  let executable;
  try {
    executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || undefined;
  } catch {
    executable = undefined;
  }

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.resolve(override, executable ?? platformExecutable());
    return isFile(candidate) ? candidate : null;
  }
  if (executable === undefined) return null;
  const candidate = path.join(electronDir, 'dist', executable);
  // path.txt is ours to trust only as a name inside dist/.
  const rel = path.relative(path.join(electronDir, 'dist'), candidate);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return isFile(candidate) ? candidate : null;
}

/**
 * The installed Electron version (from node_modules/electron/package.json), or null.
 *
 * @param {string} projectRoot
 * @returns {string | null}
 */
export function readElectronVersion(projectRoot) {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.resolve(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
    );
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}

/**
 * node-gyp's CLI script: the project's own (what `npx --no-install node-gyp` would run), else the
 * copy bundled with npm (Unix and Windows layouts), else null.
 *
 * @param {string} projectRoot
 * @returns {string | null}
 */
export function findNodeGyp(projectRoot) {
  const nodeBin = path.dirname(process.execPath);
  const candidates = [
    path.resolve(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeBin, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeBin, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find(isFile) ?? null;
}

const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Builds better-sqlite3 for Electron's ABI in `.cache/electron-native/<electronVersion>/
 * better-sqlite3-<version>/`, from a copy of node_modules/better-sqlite3's sources — the Node build
 * in node_modules (used by the tests and the web shell) is never touched. Skips the build when the
 * binary is already there. Needs Electron's headers (downloaded from electronjs.org by node-gyp on
 * first use, then cached by node-gyp) and a C++ toolchain.
 *
 * @param {string} projectRoot
 * @param {string | null} [electronVersion] defaults to the installed electron package's version
 * @returns {string} absolute path of build/Release/better_sqlite3.node (pass it to better-sqlite3's
 *   `nativeBinding` option, e.g. through CITYOPS_SQLITE_BINDING)
 */
export function ensureElectronSqlite(projectRoot, electronVersion = readElectronVersion(projectRoot)) {
  if (!electronVersion || !VERSION_PATTERN.test(electronVersion)) {
    throw new Error(`ensureElectronSqlite: no usable Electron version (got ${String(electronVersion)})`);
  }
  const root = path.resolve(projectRoot);
  const sourceDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqlitePkg = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8'));
  const sqliteVersion = String(sqlitePkg.version);
  if (!VERSION_PATTERN.test(sqliteVersion)) {
    throw new Error(`ensureElectronSqlite: unexpected better-sqlite3 version ${sqliteVersion}`);
  }

  const versionDir = path.join(root, '.cache', 'electron-native', electronVersion);
  const buildDir = path.join(versionDir, `better-sqlite3-${sqliteVersion}`);
  const binary = path.join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  if (isFile(binary)) return binary;

  const nodeGyp = findNodeGyp(root);
  if (nodeGyp === null) {
    throw new Error('ensureElectronSqlite: node-gyp not found (neither in node_modules nor bundled with npm)');
  }

  // Build in a scratch folder and move it into place only when it succeeded, so a failed or
  // interrupted build is retried from scratch next time.
  const scratch = `${buildDir}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  try {
    for (const entry of ['binding.gyp', 'package.json', 'src', 'deps']) {
      fs.cpSync(path.join(sourceDir, entry), path.join(scratch, entry), { recursive: true });
    }
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ];
    console.log(`[electron-runtime] building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} …`);
    const result = spawnSync(process.execPath, args, { cwd: scratch, stdio: 'inherit' });
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(
        `ensureElectronSqlite: node-gyp exited with ${String(result.status ?? result.signal)} ` +
          '(it needs Electron headers from electronjs.org, or a node-gyp cache of them, and a C++ toolchain)',
      );
    }
    if (!isFile(path.join(scratch, 'build', 'Release', 'better_sqlite3.node'))) {
      throw new Error('ensureElectronSqlite: node-gyp succeeded but build/Release/better_sqlite3.node is missing');
    }
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.renameSync(scratch, buildDir);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return binary;
}
