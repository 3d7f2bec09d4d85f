import fs from 'node:fs';
import path from 'node:path';
import { expect, login, test } from './fixtures';
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
