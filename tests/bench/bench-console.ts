/**
 * The console as an operator uses it, for the browser benchmarks: signing in, opening the wall,
 * showing a saved view; and sessions of their own on the hub to arrange what a run needs.
 */
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../main/services/users/bootstrap';

export interface HubSession {
  /** The call's value; throws with the hub's error when it is refused. */
  call<T>(method: string, input: unknown): Promise<T>;
  close(): void;
}

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Signs in as `username` over the hub's API socket, from Node (no page involved). */
export async function hubSession(origin: string, username: string, password = DEMO_PASSWORD): Promise<HubSession> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/ws`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, (result: Result) => void>();
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as { t: string; id?: number; result?: Result };
    if (frame.t === 'result' && frame.id !== undefined && frame.result) pending.get(frame.id)?.(frame.result);
  });
  let next = 0;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const id = ++next;
    const result = await new Promise<Result>((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ t: 'call', id, method, input }));
    });
    pending.delete(id);
    if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  await call('auth.login', { username, password });
  return { call, close: () => ws.close() };
}

/**
 * Takes RTCPeerConnection away from the page's next documents: the console then has no WebRTC
 * session and every tile plays the gateway's HLS (player/stream-slot.ts), as a fallback does.
 */
export async function withoutWebRtc(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'RTCPeerConnection');
  });
}

/** Signs in through the login screen and opens the wall workspace. */
export async function openWall(page: Page, origin: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-wall').click();
  await page.getByTestId('wall-grid').waitFor();
}

/**
 * Shows the saved view `viewId` from the wall's views menu. Right before the click the page gets a
 * `bench:show` event on window: the benchmark's clock starts there.
 */
export async function showView(page: Page, viewId: number): Promise<void> {
  await page.getByTestId('wall-views').click();
  const item = page.locator(`[data-testid="wall-view-item"][data-view-id="${viewId}"]`);
  await item.waitFor();
  await item.evaluate((el) => {
    window.dispatchEvent(new Event('bench:show'));
    (el as HTMLElement).click();
  });
}

/** Empties the wall (every player released, so the gateway may stop idle ingests). */
export async function clearWall(page: Page): Promise<void> {
  await page.getByTestId('wall-clear-all').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="wall-tile"] video').length === 0);
}
