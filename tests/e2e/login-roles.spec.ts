import { expect, login, test } from './fixtures';

// What each demo role may open now; the admin workspaces are for admins only.
const EVERYONE = ['nav-org', 'nav-account'];
const ADMIN_ONLY = ['nav-admin-users', 'nav-admin-audit'];
const ROLES: { username: string; roleName: string; admin: boolean }[] = [
  { username: 'admin', roleName: '系统管理', admin: true },
  { username: 'chief', roleName: '平台值班长', admin: false },
  { username: 'monitor', roleName: '视频监控员', admin: false },
  { username: 'grid', roleName: '网格信息员', admin: false },
  { username: 'hotline', roleName: '热线信息员', admin: false },
  { username: 'station', roleName: '联勤站站长/值班长', admin: false },
  { username: 'coord', roleName: '应急协调', admin: false },
];

for (const role of ROLES) {
  test(`${role.username} sees only the navigation of that role`, async ({ page, shell }) => {
    await login(page, shell.url, role.username);
    const status = page.getByTestId('status-bar');
    await expect(status).toContainText(role.roleName);
    await expect(page.getByTestId('demo-mark')).toBeVisible();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    for (const id of EVERYONE) await expect(page.getByTestId(id)).toBeVisible();
    for (const id of ADMIN_ONLY) {
      if (role.admin) await expect(page.getByTestId(id)).toBeVisible();
      else await expect(page.getByTestId(id)).toHaveCount(0);
    }
    if (!role.admin) {
      // Typing an admin route does not open it.
      await page.goto(`${shell.url}#/admin/users`);
      await expect(page.getByTestId('user-row')).toHaveCount(0);
      await expect(page.getByTestId('workspace-title')).toBeVisible();
    }
  });
}

test('a wrong password gets a clear error and no console', async ({ page, shell }) => {
  await login(page, shell.url, 'chief', 'not-the-password1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page.getByTestId('status-bar')).toHaveCount(0);
});

test('the status bar shows the time in Asia/Shanghai, ticking', async ({ page, shell }) => {
  await login(page, shell.url, 'monitor');
  const clock = page.getByTestId('status-clock');
  await expect(clock).toHaveText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first ?? '', { timeout: 3000 });
});
