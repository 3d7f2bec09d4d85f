import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { wallWindowPlacement } from './wall-route';
import { APP_START_URL } from './origin';

export interface ConsoleWindowOptions {
  /** Absolute path of the bundled preload (out/electron/preload.cjs). */
  preloadPath: string;
  /** Defaults to app://console/. */
  url?: string;
  /** DevTools allowed (development or support mode, support-mode.ts); off in packaged builds. */
  devTools: boolean;
}

/**
 * A wall window: on the n-th extra display, full screen, and never throttled in
 * the background — a wall is watched even when the console has the focus.
 */
export function wallWindowOptions(preloadPath: string, n: number, devTools: boolean): BrowserWindowConstructorOptions {
  const placement = wallWindowPlacement(n, screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  return {
    title: `合庆城运 墙窗口 ${n}`,
    ...placement.bounds,
    fullscreen: placement.fullscreen,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    // Written out in full (not shared with the console window) so the static security check sees it.
    webPreferences: {
      // Reviewed (electronegativity PRELOAD_JS_CHECK): preload/index.ts runs sandboxed and exposes
      // only cityops.invoke / cityops.subscribe — no ipcRenderer, no Node, no event objects.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      backgroundThrottling: false,
      devTools,
    },
  };
}

/** The console window: sandboxed, context-isolated, no Node, only our preload bridge. */
export function createConsoleWindow(options: ConsoleWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: '合庆城运',
    width: 1600,
    height: 960,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    backgroundColor: '#141414',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed (electronegativity PRELOAD_JS_CHECK): preload/index.ts runs sandboxed and exposes
      // only cityops.invoke / cityops.subscribe — no ipcRenderer, no Node, no event objects.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });

  win.once('ready-to-show', () => win.show());
  // The product name stays in the title bar whatever the page calls itself.
  win.on('page-title-updated', (event) => event.preventDefault());

  win.loadURL(options.url ?? APP_START_URL).catch((error: unknown) => {
    console.error('[shell-electron] console window failed to load', error);
  });
  return win;
}
