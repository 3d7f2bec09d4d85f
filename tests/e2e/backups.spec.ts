import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, expect, login, test } from './fixtures';
import { advanceHubClock } from './hub-clock';

test('an administrator backs up now, sees it listed, and sees a failed backup as one', async ({ page, shell }) => {
  await login(page, shell.url, 'admin');
  await page.getByTestId('nav-admin-backups').click();
  await expect(page.getByTestId('backup-status')).toContainText('每天 03:00');
  await page.getByTestId('backup-run').click();
  const done = page.locator('.ant-message-notice', { hasText: '已备份' });
  await expect(done).toBeVisible();
  const name = /cityops-\d{8}-\d{6}\.sqlite/.exec((await done.textContent()) ?? '')?.[0];
  expect(name).toBeDefined();
  const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('通过');
  await expect(row.getByTestId('backup-restore-command')).toContainText(`npm run restore -- `);
  await expect(row.getByTestId('backup-restore-command')).toContainText(`/backups/${name}`);
  await expect(page.getByTestId('backup-restore-help')).toContainText('该备份时间之后录入的所有数据');
  await expect(page.getByTestId('backup-failure')).toHaveCount(0);
  // The hub's health, as GET /healthz gives it: this console is one of the windows connected.
  await expect(page.getByTestId('hub-health-database')).toHaveText('可写入');
  await expect(page.getByTestId('hub-health-consoles')).not.toHaveText('0');

  // The backups folder becomes unusable: a file in its place (root, which runs CI, ignores a read-only mode).
  const dir = path.join(shell.dataDir, 'backups');
  const aside = `${dir}-aside`;
  fs.renameSync(dir, aside);
  fs.writeFileSync(dir, 'not a folder');
  try {
    await page.getByTestId('backup-run').click();
    await expect(page.locator('.ant-message-notice', { hasText: '备份失败' })).toBeVisible();
    const failure = page.getByTestId('backup-failure');
    await expect(failure).toHaveAttribute('data-current', 'yes');
    await expect(failure).toContainText('备份文件夹不可写');
  } finally {
    fs.rmSync(dir);
    fs.renameSync(aside, dir);
  }
  // Back up again once the folder is back (a second later on the hub's clock: backups are named to the
  // second): the failure is no longer the current state.
  await advanceHubClock(shell.url, 1_500);
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-failure')).toHaveAttribute('data-current', 'no');
});

test('an administrator restores a backup from the page, signs in again and finds the data of that time', async ({
  page,
  shell,
}) => {
  await login(page, shell.url, 'admin');
  await page.getByTestId('nav-admin-backups').click();
  // A second later on the hub's clock than any backup of the test before (backups are named to the second).
  await advanceHubClock(shell.url, 1_500);
  await page.getByTestId('backup-run').click();
  const done = page.locator('.ant-message-notice', { hasText: '已备份' }).last();
  await expect(done).toBeVisible();
  const name = /cityops-\d{8}-\d{6}\.sqlite/.exec((await done.textContent()) ?? '')?.[0] ?? '';
  expect(name).not.toBe('');

  // Written after the backup: a new user.
  await page.getByTestId('nav-admin-users').click();
  await page.getByTestId('user-create').click();
  const form = page.getByRole('dialog');
  await expect(page.locator('.ant-modal[class*="-zoom-"]')).toHaveCount(0);
  await form.getByTestId('user-form-username').fill('after1');
  await form.getByTestId('user-form-display-name').fill('备份之后');
  await form.getByTestId('user-form-password').fill('After#2026x');
  await form.getByTestId('user-form-roles').click();
  await page.locator('.ant-select-item-option', { hasText: '热线信息员' }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await form.getByTestId('user-form-org').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '第二联勤站' }).click();
  await expect(form.getByTestId('user-form-org')).toContainText('第二联勤站');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await form.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('user-form')).toHaveCount(0);
  await expect(page.locator('[data-testid="user-row"][data-username="after1"]')).toBeVisible();

  // The dialog names what the restore discards, and restores only once the word is typed.
  await advanceHubClock(shell.url, 1_500);
  await page.getByTestId('nav-admin-backups').click();
  await page.locator(`[data-testid="backup-row"][data-name="${name}"]`).getByTestId('backup-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByTestId('restore-lost')).toContainText('将丢失的审计记录');
  await expect(dialog.getByTestId('restore-lost-auditRows')).not.toHaveText('0');
  await expect(dialog.getByTestId('restore-lost-ordersCreated')).toHaveText('0');
  const confirm = page.getByTestId('restore-confirm');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('restore-confirm-input').fill('恢');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('restore-confirm-input').fill('恢复');
  await confirm.click();

  // Every console signs in again, told why.
  await expect(page.getByTestId('login-notice')).toContainText('管理员已将中心数据恢复到一份备份');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-admin-users').click();
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="user-row"][data-username="after1"]')).toHaveCount(0);
  // The database as it was before the restore is a backup of its own: the way back.
  await page.getByTestId('nav-admin-backups').click();
  const before = page.locator('[data-testid="backup-row"][data-name$="-pre-restore.sqlite"]');
  await expect(before).toHaveCount(1);
  await expect(before).toContainText('恢复前');
});
