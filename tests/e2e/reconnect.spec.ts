import { expect, login, test } from './fixtures';
import { WebShellProcess } from './web-shell-process';

test('when the web shell dies the console shows it, and reconnects by itself after a restart', async ({
  page,
}, info) => {
  // A shell of its own: this test kills it.
  const shell = new WebShellProcess(18_800 + info.workerIndex * 3 + (process.pid % 3));
  await shell.start();
  try {
    await login(page, shell.url, 'admin');
    // Signed in for sure before the hub goes away (the sign-in screen has a connection state too).
    await expect(page.getByTestId('status-bar')).toBeVisible();
    const state = page.getByTestId('connection-state');
    await expect(state).toHaveAttribute('data-state', 'connected');
    await shell.stop();
    await expect(state).toHaveAttribute('data-state', /disconnected|connecting/);
    await expect(state).toHaveAttribute('data-state', 'disconnected', { timeout: 15_000 });
    await shell.start();
    await expect(state).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
    // The session survived the restart: the admin list loads without signing in again.
    await page.getByTestId('nav-admin-users').click();
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await expect(page.getByTestId('login-submit')).toHaveCount(0);
  } finally {
    await shell.stop();
  }
});
