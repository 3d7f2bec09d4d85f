import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isAppUrl } from './origin';
import { isDevToolsShortcut } from './support-mode';
import { wallWindowNumber } from './wall-route';

/**
 * Navigation and permission guards. `hardenWebContents` is applied to every webContents the app
 * creates (main.ts wires it to `web-contents-created`), so no window can escape these rules.
 */

/** Permissions the console may hold. Everything else (camera/mic, geolocation, …) is refused. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'fullscreen']);

/**
 * `wallWindow(n)`: the window options for wall window n, which is the one kind of window a page may
 * open (a wall window opened by the console shares its session, as a browser popup would).
 */
export function hardenWebContents(
  contents: WebContents,
  wallWindow?: (n: number) => BrowserWindowConstructorOptions,
  devTools = false,
): void {
  if (!devTools) {
    // webPreferences.devTools is off too; this also covers any webContents created without it.
    contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
  // Main-frame navigations: stay on app://console.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Sub-frames (there should be none; CSP also limits them to 'self').
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // No pop-ups, no new windows from the page — except a wall window of this app, with main's options.
  contents.setWindowOpenHandler(({ url }) => {
    const n = wallWindowNumber(url);
    if (n === null || !wallWindow) return { action: 'deny' };
    return { action: 'allow', overrideBrowserWindowOptions: wallWindow(n) };
  });
  // webviewTag is off; refuse attachment anyway.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(GRANTED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);
  });
  // USB / HID / serial devices: never.
  session.setDevicePermissionHandler(() => false);
}
