/**
 * The console as an operator uses it, for the browser benchmarks: signing in, opening the wall,
 * showing a saved view; and a session of its own on the hub (a WebSocket opened inside a page on
 * the console's origin, since this Node has none) to arrange what a run needs.
 */
import type { Page } from '@playwright/test';

/** The demo data's password (resources/seed). */
export const DEMO_PASSWORD = 'Demo#2026';

export interface BenchHub {
  /** The call's value; throws with the hub's message when it is refused. */
  call<T>(method: string, input: unknown): Promise<T>;
}

interface Registry {
  __benchHub?: Record<string, (method: string, input: unknown) => Promise<unknown>>;
}

let clients = 0;

/** Signs in as `username` on a WebSocket of its own inside `page` (which must not navigate meanwhile). */
export async function benchHub(page: Page, username: string, password = DEMO_PASSWORD): Promise<BenchHub> {
  clients += 1;
  const key = `${username}#${clients}`;
  await page.evaluate(
    async ({ key, username, password }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve);
        ws.addEventListener('error', () => reject(new Error('WebSocket to the hub failed')));
      });
      const pending = new Map<number, (result: unknown) => void>();
      let next = 0;
      ws.addEventListener('message', (ev) => {
        const frame = JSON.parse(String(ev.data)) as { t: string; id?: number; result?: unknown };
        if (frame.t === 'result' && frame.id !== undefined) pending.get(frame.id)?.(frame.result);
      });
      const call = (method: string, input: unknown) =>
        new Promise<unknown>((resolve) => {
          next += 1;
          pending.set(next, resolve);
          ws.send(JSON.stringify({ t: 'call', id: next, method, input }));
        });
      ((window as unknown as Registry).__benchHub ??= {})[key] = call;
      const login = (await call('auth.login', { username, password })) as { ok: boolean };
      if (!login.ok) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(login)}`);
    },
    { key, username, password },
  );
  return {
    async call<T>(method: string, input: unknown): Promise<T> {
      const result = (await page.evaluate(
        ({ key, method, input }) => {
          const call = (window as unknown as Registry).__benchHub?.[key];
          if (!call) throw new Error(`bench hub client ${key} is gone (did the page navigate?)`);
          return call(method, input);
        },
        { key, method, input },
      )) as { ok: true; value: T } | { ok: false; error: { code: string; message: { en: string } } };
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message.en}`);
      return result.value;
    },
  };
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
 * Shows the saved view `name` from the wall's views menu. Right before the click the page gets a
 * `bench:show` event on window: the benchmark's clock starts there.
 */
export async function showView(page: Page, name: string): Promise<void> {
  await page.getByTestId('wall-views').click();
  const item = page.getByTestId('wall-view-item').filter({ hasText: name });
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
