import { test as base, expect, type Page } from '@playwright/test';
import { WebShellProcess } from './web-shell-process';

export const DEMO_PASSWORD = 'Demo#2026';

/**
 * One web shell per worker, on a port of its own. Pages a test opens with `browser.newPage()` (a
 * second operator's console) are closed when the test ends: left open, each kept its console running
 * — WebSocket, polling, React — for the rest of the worker's tests, and a worker that had run the
 * multi-operator specs was driving a dozen consoles at once.
 */
export const test = base.extend<{ closeOwnPages: undefined }, { shell: WebShellProcess }>({
  closeOwnPages: [
    async ({ browser, context }, use) => {
      const before = new Set([...browser.contexts(), context]);
      await use(undefined);
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
  shell: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use, workerInfo) => {
      const shell = new WebShellProcess(18_700 + workerInfo.workerIndex * 7 + (process.pid % 5));
      await shell.start();
      await use(shell);
      await shell.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

export async function login(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
