import path from 'node:path';
import { app, dialog, Menu, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { resolveConfig } from '../config';
import { hubOptionsFrom, openHub } from '../hub';
import { createEngine } from '../media/engine';
import type { MediaEngine } from '../media/engine/types';
import { findDemoClipsDir, loadDemoMedia } from '../media';
import { startHubLog } from '../logging/console-tee';
import { newKeyRequested } from '../security/at-rest';
import type { Hub } from '../hub';
import { applySessionPolicy, hardenWebContents } from './guards';
import { registerIpc } from './ipc';
import { showBootstrapNotice } from './notices';
import { registerAppScheme, serveRenderer } from './protocol';
import { safeStorageProtector } from './key-protector';
import { supportPolicy, supportRequested } from './support-mode';
import { createConsoleWindow, wallWindowOptions } from './window';

/**
 * Electron entry (bundled to out/electron/main.cjs; the renderer sits in out/renderer and the
 * preload in out/electron/preload.cjs). Runs the embedded hub in this process (docs/architecture.md#one-hub-many-consoles) and
 * opens the console window on it. No exports: importing this module starts the app.
 */

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

// Before `ready`: privileged scheme, and sandbox for every renderer whatever its webPreferences.
registerAppScheme();
app.enableSandbox();

let hub: Hub | null = null;
let engine: MediaEngine | null = null;
let disposeIpc: (() => void) | null = null;
let consoleWindow: BrowserWindow | null = null;
let quitting = false;
let stopLog: (() => void) | null = null;

/** argv without the executable (and, unpackaged, without the app path). */
function userArgs(argv: readonly string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2);
}

/** DevTools and the default menu: off when packaged unless started with --support (support-mode.ts). */
const SUPPORT = supportPolicy(app.isPackaged, supportRequested(userArgs(process.argv), process.env));

function openConsoleWindow(): BrowserWindow {
  const win = createConsoleWindow({ preloadPath: PRELOAD_PATH, devTools: SUPPORT.devTools });
  consoleWindow = win;
  win.on('closed', () => {
    if (consoleWindow === win) consoleWindow = null;
  });
  return win;
}

function focusConsoleWindow(): void {
  if (consoleWindow === null) return;
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  consoleWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  if (!SUPPORT.applicationMenu) Menu.setApplicationMenu(null);

  // Same data folder as the web shell by default (config.ts); --data-dir / CITYOPS_DATA_DIR override.
  const config = resolveConfig(userArgs(process.argv), process.env);
  // The hub's output also goes to <data folder>/logs/hub.log, rotated and redacted (main/logging).
  stopLog = startHubLog(config.dataDir, config.log);
  // Packaged: resources/demo-clips sits in process.resourcesPath (extraResources); else beside out/.
  const clips = findDemoClipsDir({ moduleDir: __dirname, resourcesPath: process.resourcesPath });
  const demoMedia = clips ? loadDemoMedia(clips, { control: config.demoMediaControl }) : undefined;
  // WebRTC for the camera gateway: mediasoup where a worker exists, else the embedded engine.
  const rtc = await createEngine({ network: config.rtc, log: (line) => console.log(`[cityops] ${line}`) });
  engine = rtc.engine;
  console.log(`[cityops] WebRTC 引擎 / WebRTC engine: ${rtc.reason}`);
  const opened = await openHub({
    ...hubOptionsFrom(config),
    demoMedia,
    engine: rtc.engine,
    // Set by scripts/start.mjs to a better-sqlite3 build for Electron's ABI; unset when packaged.
    sqliteNativeBinding: process.env.CITYOPS_SQLITE_BINDING,
    // The hub key file is encrypted by the OS key store (DPAPI / Keychain / libsecret) where one is usable.
    keyProtector: safeStorageProtector(),
    newKey: newKeyRequested(userArgs(process.argv)),
  });
  if (quitting) {
    // Quit was asked for while the database was opening: will-quit has already run.
    opened.close();
    return;
  }
  hub = opened;
  console.log(`[cityops] 数据目录 / data dir: ${config.dataDir}`);

  const ses = session.defaultSession;
  applySessionPolicy(ses);
  serveRenderer(ses, RENDERER_DIR, (r) => opened.routeMedia(r));
  disposeIpc = registerIpc(opened);
  const win = openConsoleWindow();
  win.once('ready-to-show', () => void showBootstrapNotice(win, opened.bootstrap));

  app.on('activate', () => {
    if (consoleWindow === null) openConsoleWindow();
  });
}

/** Close IPC and the hub (database) exactly once. */
function shutdown(): void {
  quitting = true;
  disposeIpc?.();
  disposeIpc = null;
  const h = hub;
  hub = null;
  h?.close();
  // ffmpeg ingests got their SIGTERM in close(); the engine's sockets go with the process.
  void engine?.close();
  engine = null;
  stopLog?.();
  stopLog = null;
}

function fatal(error: unknown): void {
  console.error('[shell-electron] startup failed', error);
  const detail = error instanceof Error ? error.message : String(error);
  try {
    dialog.showErrorBox('合庆城运无法启动 / Cannot start', detail);
  } finally {
    shutdown();
    app.exit(1);
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another console is running on this profile: it gets focus (second-instance), we leave.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (n) => wallWindowOptions(PRELOAD_PATH, n, SUPPORT.devTools), SUPPORT.devTools),
  );
  app.on('second-instance', () => focusConsoleWindow());
  // The hub lives in this process; closing the console closes it, on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => shutdown());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => app.quit());
  }
  start().catch(fatal);
}
