import { expect, login, test } from './fixtures';

test('a console whose clock is 2 minutes ahead says so, and the administrator is warned', async ({ page, shell }) => {
  await login(page, shell.url, 'admin');
  await expect(page.getByTestId('status-user')).toBeVisible();
  await expect(page.getByTestId('status-clock-off')).toHaveCount(0);

  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext();
  // This PC's clock runs 2 minutes ahead of the hub's.
  await context.addInitScript(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 120_000;
  });
  const monitor = await context.newPage();
  await login(monitor, shell.url, 'grid');
  await expect(monitor.getByTestId('status-clock-off')).toContainText(/\+1[12]\d/);

  const warning = page.getByTestId('clock-warning');
  await expect(warning).toContainText('控制台时钟与中心相差');
  await expect(warning).toContainText(/\+1[12]\d 秒/);
  await context.close();
});
