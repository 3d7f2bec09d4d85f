import { expect, login, test } from './fixtures';

// The navigation each demo role must see, in order; nothing else.
const ROLES: { username: string; roleName: string; nav: string[] }[] = [
  {
    username: 'admin',
    roleName: '系统管理',
    nav: [
      'nav-dashboard',
      'nav-wall',
      'nav-duty',
      'nav-org',
      'nav-contacts',
      'nav-admin-sla',
      'nav-admin-users',
      'nav-admin-cameras',
      'nav-admin-audit',
      'nav-admin-apikeys',
      'nav-admin-backups',
      'nav-admin-incident-plans',
      'nav-account',
    ],
  },
  {
    username: 'chief',
    roleName: '平台值班长',
    nav: [
      'nav-overview',
      'nav-orders',
      'nav-inbox',
      'nav-incidents',
      'nav-intake',
      'nav-supervision',
      'nav-dashboard',
      'nav-wall',
      'nav-duty',
      'nav-org',
      'nav-contacts',
      'nav-admin-sla',
      'nav-account',
    ],
  },
  {
    username: 'monitor',
    roleName: '视频监控员',
    nav: [
      'nav-orders',
      'nav-incidents',
      'nav-intake',
      'nav-wall',
      'nav-duty',
      'nav-org',
      'nav-contacts',
      'nav-account',
    ],
  },
  {
    username: 'grid',
    roleName: '网格信息员',
    nav: ['nav-orders', 'nav-inbox', 'nav-intake', 'nav-duty', 'nav-org', 'nav-contacts', 'nav-account'],
  },
  {
    username: 'hotline',
    roleName: '热线信息员',
    nav: ['nav-orders', 'nav-inbox', 'nav-intake', 'nav-duty', 'nav-org', 'nav-contacts', 'nav-account'],
  },
  {
    username: 'station',
    roleName: '联勤站站长/值班长',
    nav: [
      'nav-overview',
      'nav-orders',
      'nav-inbox',
      'nav-incidents',
      'nav-intake',
      'nav-supervision',
      'nav-dashboard',
      'nav-wall',
      'nav-duty',
      'nav-org',
      'nav-contacts',
      'nav-account',
    ],
  },
  {
    username: 'coord',
    roleName: '应急协调',
    nav: [
      'nav-overview',
      'nav-orders',
      'nav-inbox',
      'nav-incidents',
      'nav-supervision',
      'nav-dashboard',
      'nav-wall',
      'nav-duty',
      'nav-org',
      'nav-contacts',
      'nav-account',
    ],
  },
];

for (const role of ROLES) {
  test(`${role.username} sees only the navigation of that role`, async ({ page, shell }) => {
    await login(page, shell.url, role.username);
    const status = page.getByTestId('status-bar');
    await expect(status).toContainText(role.roleName);
    await expect(page.getByTestId('demo-mark')).toBeVisible();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    const items = page.getByTestId('nav').locator('[data-testid^="nav-"]:not([data-testid$="-count"])');
    await expect(items).toHaveCount(role.nav.length);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(role.nav);
    if (!role.nav.includes('nav-admin-users')) {
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

test('a video monitor lands on the wall, a station chief on the orders, a duty chief and a coordinator on the overview', async ({
  page,
  shell,
}) => {
  await login(page, shell.url, 'monitor');
  await expect(page).toHaveURL(/#\/wall$/);
  await page.getByTestId('logout').click();
  await login(page, shell.url, 'station');
  await expect(page).toHaveURL(/#\/orders$/);
  await page.getByTestId('logout').click();
  await login(page, shell.url, 'chief');
  await expect(page).toHaveURL(/#\/overview$/);
  await page.getByTestId('logout').click();
  // With no real incident running (one sends the coordinator to incident mode: overview.spec.ts).
  await login(page, shell.url, 'coord');
  await expect(page).toHaveURL(/#\/overview$/);
});

test('the status bar keeps its full height on every workspace at 1440×900', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, shell.url, 'admin');
  const status = page.getByTestId('status-bar');
  // The menu is read once, so only after the console is up (on a loaded machine it read none).
  await expect(status).toBeVisible();
  const items = page.getByTestId('nav').locator('[data-testid^="nav-"]:not([data-testid$="-count"])');
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  expect(ids.length).toBeGreaterThan(5);
  for (const id of ids) {
    await page.getByTestId(id).click();
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    const box = await status.boundingBox();
    // 30 px as styled, and its bottom edge on the window's: nothing pushed it down or squeezed it.
    expect({
      id,
      height: Math.round(box?.height ?? 0),
      bottom: Math.round((box?.y ?? 0) + (box?.height ?? 0)),
    }).toEqual({
      id,
      height: 30,
      bottom: 900,
    });
  }
});
