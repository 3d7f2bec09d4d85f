import { expect, login, test } from './fixtures';

test('the language switch changes the UI and is remembered for the user', async ({ page, shell }) => {
  await login(page, shell.url, 'grid');
  await expect(page.getByTestId('nav-org')).toContainText('组织');
  await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
  await expect(page.getByTestId('nav-org')).toContainText('Organisation');
  await expect(page.getByTestId('connection-state')).toContainText(/connected/i);
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  // A new browser context: nothing local survives, the preference comes from the hub.
  const fresh = await page.context().browser()?.newPage();
  if (!fresh) throw new Error('no browser');
  await login(fresh, shell.url, 'grid');
  await expect(fresh.getByTestId('nav-org')).toContainText('Organisation');
  await fresh.close();
});
