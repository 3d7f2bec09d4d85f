import { expect, login, test } from './fixtures';

test('an admin creates a user who must change the password, and the audit log shows it', async ({
  page,
  shell,
  browser,
}) => {
  await login(page, shell.url, 'admin');
  await page.getByTestId('nav-admin-users').click();
  // The demo accounts: one per role, and a second duty chief for handovers.
  await expect(page.getByTestId('user-row')).toHaveCount(8);
  await page.getByTestId('user-create').click();
  const dialog = page.getByRole('dialog');
  // A click during the dialog's opening zoom can land on the mask (see orders-helpers' step).
  await expect(page.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await dialog.getByTestId('user-form-username').fill('wang2');
  await dialog.getByTestId('user-form-display-name').fill('王二（热线）');
  await dialog.getByTestId('user-form-password').fill('Hotline#2026');
  await dialog.getByTestId('user-form-roles').click();
  await page.locator('.ant-select-item-option', { hasText: '热线信息员' }).click();
  await expect(dialog.getByTestId('user-form-roles')).toContainText('热线信息员');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await dialog.getByTestId('user-form-org').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '第二联勤站' }).click();
  await expect(dialog.getByTestId('user-form-org')).toContainText('第二联勤站');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await dialog.getByTestId('user-form-submit').click();
  // The dialog closes on success; an error it shows instead names the failure.
  await expect(page.getByTestId('user-form-error')).toHaveCount(0);
  await expect(page.getByTestId('user-form')).toHaveCount(0);
  const row = page.locator('[data-testid="user-row"][data-username="wang2"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('第二联勤站');

  await page.getByTestId('nav-admin-audit').click();
  const created = page.locator('[data-testid="audit-row"][data-method="admin.users.create"]').first();
  await expect(created).toContainText('新建用户');
  await expect(created).toContainText('王二（热线）');

  // The new user signs in and is made to change the password first.
  const other = await browser.newPage();
  await login(other, shell.url, 'wang2', 'Hotline#2026');
  await expect(other.getByTestId('force-password-dialog')).toBeVisible();
  await other.close();
});
