/**
 * The wall as an operator drives it, over raw DevTools protocol (soak-cdp.ts): real mouse clicks,
 * keys and the browser's own drag and drop at an element's place on the screen, and the same steps
 * as bench-console.ts's Playwright ones (sign in, open the wall, show a view, clear it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';
import type { CdpPage } from './soak-cdp';

const byTestId = (id: string, extra = ''): string => `[data-testid="${id}"]${extra}`;

/**
 * Waits until `selector` matches a visible element that stays put between two looks (a menu that
 * is still sliding open would take the click elsewhere, as Playwright's own stability wait knows);
 * returns its centre.
 */
export async function waitFor(page: CdpPage, selector: string, timeoutMs = 10_000): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + timeoutMs;
  let last: { x: number; y: number } | null = null;
  for (;;) {
    // While a document loads there may be no context to evaluate in: that is "not there yet".
    const at = await page
      .evaluate<{ x: number; y: number } | null>(
        `(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    })()`,
      )
      .catch(() => null);
    if (at && last && at.x === last.x && at.y === last.y) return at;
    last = at;
    if (Date.now() > deadline) throw new Error(`no ${selector} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A mouse event; `held`: the left button is down while the mouse moves (a drag). */
async function mouse(page: CdpPage, type: string, x: number, y: number, held = false): Promise<void> {
  const pressing = type !== 'mouseMoved';
  await page.send('Input.dispatchMouseEvent', {
    type,
    x,
    y,
    button: pressing || held ? 'left' : 'none',
    buttons: held || type === 'mousePressed' ? 1 : 0,
    ...(pressing ? { clickCount: 1 } : {}),
  });
}

/** A left click at the centre of `selector` (once it is visible). */
export async function click(page: CdpPage, selector: string, timeoutMs?: number): Promise<void> {
  const { x, y } = await waitFor(page, selector, timeoutMs);
  await mouse(page, 'mouseMoved', x, y);
  await mouse(page, 'mousePressed', x, y);
  await mouse(page, 'mouseReleased', x, y);
}

const KEYS: Record<string, { code: string; keyCode: number }> = {
  Enter: { code: 'Enter', keyCode: 13 },
  Escape: { code: 'Escape', keyCode: 27 },
};

/**
 * Presses a key on the wall: a digit ('0'–'9', with `alt` for the layouts), Enter or Escape. The
 * focus leaves whatever button the last click left it on first (Enter there would press it).
 */
export async function press(page: CdpPage, key: string, alt = false): Promise<void> {
  await page.evaluate(`document.activeElement instanceof HTMLElement && document.activeElement.blur()`);
  const named = KEYS[key];
  const base = {
    key,
    code: named?.code ?? `Digit${key}`,
    windowsVirtualKeyCode: named?.keyCode ?? key.charCodeAt(0),
    modifiers: alt ? 1 : 0,
  };
  await page.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

/**
 * Drags one element onto another with the browser's own drag and drop, as Playwright's dragTo
 * does in Chromium: the drag the page starts is intercepted and then dropped at the target.
 */
export async function drag(page: CdpPage, from: string, to: string): Promise<void> {
  const a = await waitFor(page, from, 2000);
  const b = await waitFor(page, to, 2000);
  await page.send('Input.setInterceptDrags', { enabled: true });
  try {
    const intercepted = page.once('Input.dragIntercepted', 2000);
    await mouse(page, 'mouseMoved', a.x, a.y);
    await mouse(page, 'mousePressed', a.x, a.y);
    await mouse(page, 'mouseMoved', a.x + 10, a.y + 10, true);
    await mouse(page, 'mouseMoved', b.x, b.y, true);
    const { data } = await intercepted;
    for (const type of ['dragEnter', 'dragOver', 'drop']) {
      await page.send('Input.dispatchDragEvent', { type, x: b.x, y: b.y, data, modifiers: 0 });
    }
  } finally {
    await mouse(page, 'mouseReleased', b.x, b.y).catch(() => undefined);
    await page.send('Input.setInterceptDrags', { enabled: false });
  }
}

/** Where the page is and what it says, with a screenshot in the temp folder: for a failed sign-in. */
async function describe(page: CdpPage): Promise<string> {
  const file = path.join(os.tmpdir(), 'cityops-wall-soak-failure.png');
  try {
    const { data } = await page.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
    const text = await page.evaluate<string>(`location.href + ' — ' + document.body.innerText.slice(0, 400)`);
    return `${text} (screenshot: ${file})`;
  } catch (e) {
    return `(no description: ${(e as Error).message})`;
  }
}

/** Signs in through the login screen as `username` and opens the wall workspace. */
export async function openWall(page: CdpPage, origin: string, username: string): Promise<void> {
  try {
    await signIn(page, origin, username);
  } catch (e) {
    throw new Error(`${(e as Error).message}; the page: ${await describe(page)}`);
  }
}

async function signIn(page: CdpPage, origin: string, username: string): Promise<void> {
  await page.send('Page.navigate', { url: `${origin}/` });
  for (const [id, text] of [
    ['login-username', username],
    ['login-password', DEMO_PASSWORD],
  ] as const) {
    await click(page, byTestId(id), 20_000);
    await page.send('Input.insertText', { text });
  }
  await click(page, byTestId('login-submit'));
  await click(page, byTestId('nav-wall'), 20_000);
  await waitFor(page, byTestId('wall-grid'), 20_000);
}

/** Shows the saved view `viewId` from the wall's views menu. */
export async function showView(page: CdpPage, viewId: number): Promise<void> {
  const item = byTestId('wall-view-item', `[data-view-id="${viewId}"]`);
  await click(page, byTestId('wall-views'));
  // The menu may have been open already (an earlier action that failed half-way): then the click
  // closed it, and a second one opens it.
  const shown = await waitFor(page, item, 3000).then(
    () => true,
    () => false,
  );
  if (!shown) await click(page, byTestId('wall-views'));
  await click(page, item);
}

/** Runs the tour `tourId` from the tours menu and waits for its bar. */
export async function startTour(page: CdpPage, tourId: number): Promise<void> {
  await click(page, byTestId('wall-tours'));
  await click(page, byTestId('wall-tour-item', `[data-tour-id="${tourId}"]`));
  await waitFor(page, byTestId('wall-tour-bar'), 3000);
}

/** Stops the running tour (its bar's stop button); nothing when none runs. */
export async function stopTour(page: CdpPage): Promise<void> {
  const running = await page.evaluate<boolean>(`!!document.querySelector('[data-testid="wall-tour-bar"]')`);
  if (running) await click(page, byTestId('wall-tour-stop'), 2000);
}

/** Empties the wall and waits until no tile has a <video> (every player released). */
export async function clearWall(page: CdpPage): Promise<void> {
  await click(page, byTestId('wall-clear-all'));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const left = await page.evaluate<number>(`document.querySelectorAll('[data-testid="wall-tile"] video').length`);
    if (left === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
